#pragma once

#include <string>
#include <string_view>

namespace manmulsang::text {

// 초성 (initial consonant) search: Korean users type only the first consonant of each syllable
// (ㄴㅌㅂ for 노트북) because it is quick and works for words they half remember.

// Each syllable replaced by its initial consonant; everything else passes through unchanged:
// "노트북" → "ㄴㅌㅂ", "갤럭시S7" → "ㄱㄹㅅS7". Invalid UTF-8 is sanitized first.
std::string InitialConsonants(std::string_view text);

// True when text is non-empty and every code point is a consonant letter ㄱ..ㅎ (as typed for
// 초성 search). Compound consonants count (an IME joins ㄱ then ㅅ into ㄳ).
bool IsInitialConsonantString(std::string_view text);

// The consonant letters of a 초성 string with compounds split into the letters typed:
// "ㄳㄴ" → "ㄱㅅㄴ" (the IME joined ㄱ+ㅅ; the user meant two initials). Other code points
// pass through unchanged.
std::string SplitInitialConsonants(std::string_view text);

}  // namespace manmulsang::text
