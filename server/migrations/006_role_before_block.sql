-- Unblocking a member gives back the role they had before the block (a tutor
-- blocked by mistake is a tutor again, not a student); NULL for anyone not
-- blocked, or blocked before this migration (they come back as students).
ALTER TABLE module_roles ADD COLUMN role_before_block TEXT
    CHECK (role_before_block IN ('owner', 'tutor', 'student'));
