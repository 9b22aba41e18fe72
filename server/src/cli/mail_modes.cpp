// mail-test: sends one mail straight to the configured SMTP server (not
// through the outbox) and says what the server answered, for operators
// setting up email.*.
#include "cli/modes.hpp"

#include "auth/crypto.hpp"
#include "db/rows.hpp"
#include "mail/message.hpp"
#include "mail/smtp.hpp"
#include "wte/rules.hpp"

#include <iostream>

namespace wte::cli {

void add_mail_modes(Modes& modes) {
    auto config_path = std::make_shared<std::string>();
    auto address = std::make_shared<std::string>();
    auto* test = modes.app().add_subcommand("mail-test",
                                            "Send a test mail through the configured SMTP server");
    test->add_option("CONFIG", *config_path, "Configuration file")->required();
    test->add_option("ADDRESS", *address, "Where to send it")->required();
    modes.add(test, [config_path, address] {
        Config config = load_config(*config_path);
        if (auto why = check_email(*address)) throw CliError(*why);
        if (config.email.smtp_host.empty())
            throw CliError("email.smtp_host is not set in " + *config_path +
                           ": without it mails are written to the server log, not sent");
        db::OutgoingMail mail;
        mail.to_address = *address;
        mail.subject = "WTE test mail";
        mail.text_body = "This is a test mail from wte-server mail-test.\n\nIf you can read it, "
                         "the email settings in " +
                         *config_path + " work.\n";
        mail.html_body = "<p>This is a test mail from <code>wte-server mail-test</code>.</p>"
                         "<p>If you can read it, the email settings work.</p>";
        const std::int64_t now = db::now_seconds();
        auto r = mail::send_smtp(
            config.email, *address,
            mail::mime_message(mail, config.email.sender, now, auth::random_token().substr(0, 24)));
        if (!r.delivered) throw CliError(r.error);
        std::cout << "Sent a test mail to " << *address << " through " << config.email.smtp_host
                  << ":" << config.email.port << "; the server answered: "
                  << (r.reply.empty() ? std::to_string(r.code) : r.reply) << "\n";
        return 0;
    });
}

} // namespace wte::cli
