#pragma once

#include <string>
#include <string_view>

namespace manmulsang::text {

// The standard Korean 2-set (두벌식) keyboard. A user who forgets to switch the IME to Korean
// types "shxmqnr" and means 노트북; search reads such input back as Hangul and suggests it.

// The Hangul that the ASCII letters of keys produce with the IME in Korean mode, syllables
// assembled as the IME assembles them: compound vowels (hk → ㅘ, ml → ㅢ), compound finals
// (fr → ㄺ), Shift doubles (Q → ㅃ, W → ㅉ, E → ㄸ, R → ㄲ, T → ㅆ, O → ㅒ, P → ㅖ; other capitals
// type the lower-case letter) and a final that moves to the next syllable when a vowel follows
// (rkqkd → 가방, not 갑앙). A letter that forms no syllable stays a lone jamo; anything that is not
// an ASCII letter passes through and ends the syllable. "dkssud" → "안녕".
std::string KeystrokesToHangul(std::string_view keys);

// The inverse: the ASCII keys that type text in Korean mode ("안녕" → "dkssud", "닭" → "ekfr",
// "ㅃ" → "Q"). Code points that are not Hangul pass through unchanged.
std::string HangulToKeystrokes(std::string_view text);

// True when keys converts to Hangul made only of whole syllables (no lone jamo) and contains at
// least one ASCII letter: a hint that Latin input was meant as Korean ("dkssud" yes, "usb" no —
// 'u' 's' 'b' give ㅕㄴㅠ, which is no syllable).
bool LooksLikeKoreanTypedInLatin(std::string_view keys);

}  // namespace manmulsang::text
