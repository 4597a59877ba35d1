#include "manmulsang/qr/qr_svg.hpp"

namespace manmulsang::qr {
namespace {

// The title's text as XML. platform/html has the same escape, but it stands on platform/http
// (Beast); a QR code needs neither.
void AppendEscaped(std::string& out, std::string_view text) {
  for (const char character : text) {
    switch (character) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += character;
    }
  }
}

}  // namespace

std::string QrSvg(const QrCode& code, std::string_view title) {
  const int side = code.size() + 2 * kQuietZone;
  const std::string side_text = std::to_string(side);
  std::string svg;
  svg.reserve(static_cast<std::size_t>(code.size() * code.size()) * 4 + 512);
  svg += R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )" + side_text + " " + side_text +
         R"(" shape-rendering="crispEdges" role="img"><title>)";
  AppendEscaped(svg, title);
  svg += "</title><rect width=\"" + side_text + "\" height=\"" + side_text + R"(" fill="#fff"/><path fill="#000" d=")";
  // Each horizontal run of dark modules is one rectangle: "M x y h n v1 h -n z".
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size();) {
      if (!code.Dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < code.size() && code.Dark(end, y)) ++end;
      const int run = end - x;
      svg += 'M' + std::to_string(x + kQuietZone) + ' ' + std::to_string(y + kQuietZone) + 'h' + std::to_string(run) +
             "v1h-" + std::to_string(run) + 'z';
      x = end;
    }
  }
  svg += "\"/></svg>\n";
  return svg;
}

}  // namespace manmulsang::qr
