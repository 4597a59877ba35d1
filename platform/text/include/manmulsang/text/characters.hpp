#pragma once

#include <string_view>

namespace manmulsang::text {

// Control characters and ASCII blanks, the checks every field that people type and every
// protocol value share.

// A C0 control (U+0000..U+001F), DEL (U+007F) or a C1 control (U+0080..U+009F).
bool IsControlCharacter(char32_t code_point);

// One byte of text that is an ASCII control: below 0x20, or DEL. For byte-wise work on UTF-8
// (bytes from 0x80 up belong to longer characters and are never ASCII controls).
bool IsAsciiControl(char byte);

// Whether text, read as UTF-8 (a broken sequence is U+FFFD, not a control), holds a control
// character other than those in allowed (e.g. U"\n\t" for text of several lines).
bool HasControlCharacter(std::string_view text, std::u32string_view allowed = {});

// text without leading and trailing ASCII blanks (space, tab, CR, LF): for protocol values such as
// header parameters, query values and CSV cells. Text that people type is trimmed of all Unicode
// white space by Trim (normalize.hpp).
std::string_view TrimAscii(std::string_view text);

}  // namespace manmulsang::text
