#include "manmulsang/text/utf8.hpp"

#include <cstdint>

namespace manmulsang::text {
namespace {

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes consumed; ≥ 1 so that decoding always advances
  bool valid;
};

// Decodes one code point at text[position]. An invalid sequence consumes its maximal subpart:
// the bytes that could still have started a valid sequence (Unicode §3.9, "U+FFFD substitution
// of maximal subparts"), so "\xE0\x80" is two errors and "\xE2\x82" one.
Decoded DecodeAt(std::string_view text, std::size_t position) {
  const auto byte = [&](std::size_t index) { return static_cast<std::uint8_t>(text[index]); };
  const std::uint8_t lead = byte(position);
  if (lead < 0x80) return {lead, 1, true};

  std::size_t needed = 0;
  char32_t code_point = 0;
  std::uint8_t lower = 0x80;
  std::uint8_t upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) lower = 0xA0;  // no overlongs
    if (lead == 0xED) upper = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) lower = 0x90;  // no overlongs
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kReplacementCharacter, 1, false};
  }

  std::size_t length = 1;
  for (std::size_t i = 0; i < needed; ++i) {
    const std::size_t index = position + length;
    if (index >= text.size()) return {kReplacementCharacter, length, false};
    const std::uint8_t next = byte(index);
    if (next < lower || next > upper) return {kReplacementCharacter, length, false};
    lower = 0x80;
    upper = 0xBF;
    code_point = (code_point << 6) | (next & 0x3F);
    ++length;
  }
  return {code_point, length, true};
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (std::size_t position = 0; position < text.size();) {
    if (static_cast<std::uint8_t>(text[position]) < 0x80) {
      ++position;
      continue;
    }
    const Decoded decoded = DecodeAt(text, position);
    if (!decoded.valid) return false;
    position += decoded.length;
  }
  return true;
}

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string code_points;
  code_points.reserve(text.size());
  for (std::size_t position = 0; position < text.size();) {
    const Decoded decoded = DecodeAt(text, position);
    code_points.push_back(decoded.code_point);
    position += decoded.length;
  }
  return code_points;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    code_point = kReplacementCharacter;
  }
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string EncodeUtf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (const char32_t code_point : code_points) AppendUtf8(out, code_point);
  return out;
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t position = 0; position < text.size();) {
    const Decoded decoded = DecodeAt(text, position);
    if (decoded.valid) {
      out.append(text.substr(position, decoded.length));
    } else {
      AppendUtf8(out, kReplacementCharacter);
    }
    position += decoded.length;
  }
  return out;
}

std::size_t CodePointCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t position = 0; position < text.size(); ++count) {
    position += DecodeAt(text, position).length;
  }
  return count;
}

std::string Truncate(std::string_view text, std::size_t max_code_points, std::string_view ellipsis) {
  const std::string clean = SanitizeUtf8(text);
  if (CodePointCount(clean) <= max_code_points) return clean;

  const std::string marker = SanitizeUtf8(ellipsis);
  const std::size_t marker_length = CodePointCount(marker);
  // The ellipsis counts toward the limit when it fits; a limit smaller than the ellipsis gets
  // the bare cut, since a lone "…" would say nothing.
  const bool with_marker = !marker.empty() && marker_length < max_code_points;
  const std::size_t keep = with_marker ? max_code_points - marker_length : max_code_points;

  std::size_t position = 0;
  for (std::size_t count = 0; count < keep && position < clean.size(); ++count) {
    position += DecodeAt(clean, position).length;
  }
  std::string out = clean.substr(0, position);
  if (with_marker) out += marker;
  return out;
}

}  // namespace manmulsang::text
