#pragma once

#include <string>
#include <string_view>

namespace manmulsang::text {

// 두음 법칙 (the initial-sound rule). South Korean spelling drops or changes ㄹ and ㄴ at the start
// of a word (노동, 이용, 여자, 낙원, 양); North Korean spelling keeps them (로동, 리용, 녀자, 락원,
// 량). Sellers and buyers here write both, so search folds every word to one canonical form —
// the South form — on both the index and the query side, and either spelling finds the other.
//
// The fold, for the first syllable of a word only:
//   ㄹ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ → ㅇ   (량 → 양, 리용 → 이용, 력 → 역, 류 → 유)
//   ㄹ before any other vowel  → ㄴ   (로동 → 노동, 락원 → 낙원, 래일 → 내일)
//   ㄴ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ → ㅇ   (녀자 → 여자, 뉴대 → 유대)
// Loanwords (라디오, 뉴스) fold too: the fold is a matching key, never shown, and both sides
// fold the same way, so it only costs a few extra candidates.

// The syllable with the fold applied as if it started a word; any other code point unchanged.
char32_t FoldInitialSound(char32_t syllable);

// text with the fold applied to the first syllable of every word (a word starts after anything
// that is not a Hangul syllable). "로동 신문" → "노동 신문"; "공로동" is unchanged.
std::string FoldInitialSounds(std::string_view text);

}  // namespace manmulsang::text
