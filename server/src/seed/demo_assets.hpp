// The files the demo page "Everything WTE Can Show" refers to, made at seed
// time so the repository holds no binaries: a PNG diagram of how content is
// organised (module → part → page), a one-page PDF handout and the logo of
// the home-page exercise.
#pragma once

#include <string>

namespace wte::seed {

// An RGB PNG: three labelled boxes, MODULE → PART → PAGE, joined by arrows.
std::string diagram_png();
// A 64×64 RGB PNG of a small house: the exercise "Your Own Home Page" shows it.
std::string logo_png();
// A valid one-page PDF (PDF 1.4, Helvetica) with a few lines about the module.
std::string handout_pdf();

} // namespace wte::seed
