#pragma once

#include <string>
#include <string_view>

#include "manmulsang/qr/qr_code.hpp"

namespace manmulsang::qr {

// Light margin around the symbol, in modules, that readers need to find it (ISO/IEC 18004).
constexpr int kQuietZone = 4;

// The symbol as a standalone SVG document: one <path> of the dark modules on a white square, a
// viewBox in modules with the quiet zone around them, crisp edges so printers and screens draw
// sharp squares, and title (escaped) for screen readers. No size is fixed: it scales to its box.
std::string QrSvg(const QrCode& code, std::string_view title);

}  // namespace manmulsang::qr
