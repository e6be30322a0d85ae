#pragma once
// NetSSL, Crypto, JSON, libjpeg-turbo and libpng (intake_check.cpp); prints
// one line each and returns whether all worked.
bool intakeCheck();
