#include "manmulsang/text/keyboard_layout.hpp"

#include <array>
#include <optional>

#include "manmulsang/text/hangul.hpp"
#include "manmulsang/text/jamo.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

// Lower-case keys a..z in the 2-set layout.
constexpr std::array<char32_t, 26> kLowerKeys = {U'ㅁ', U'ㅠ', U'ㅊ', U'ㅇ', U'ㄷ', U'ㄹ', U'ㅎ', U'ㅗ', U'ㅑ',
                                                 U'ㅓ', U'ㅏ', U'ㅣ', U'ㅡ', U'ㅜ', U'ㅐ', U'ㅔ', U'ㅂ', U'ㄱ',
                                                 U'ㄴ', U'ㅅ', U'ㅕ', U'ㅍ', U'ㅈ', U'ㅌ', U'ㅛ', U'ㅋ'};

std::optional<char32_t> KeyToJamo(char key) {
  switch (key) {
    case 'Q':
      return U'ㅃ';
    case 'W':
      return U'ㅉ';
    case 'E':
      return U'ㄸ';
    case 'R':
      return U'ㄲ';
    case 'T':
      return U'ㅆ';
    case 'O':
      return U'ㅒ';
    case 'P':
      return U'ㅖ';
    default:
      break;
  }
  if (key >= 'a' && key <= 'z') return kLowerKeys[static_cast<std::size_t>(key - 'a')];
  if (key >= 'A' && key <= 'Z') return kLowerKeys[static_cast<std::size_t>(key - 'A')];
  return std::nullopt;
}

// The IME's state while a syllable is being typed. initial/medial/final are 0 when empty.
class SyllableAssembler {
 public:
  explicit SyllableAssembler(std::u32string& out) : out_(out) {}

  void Consonant(char32_t consonant) {
    if (medial_ == 0) {  // no vowel yet: a lone initial (or lone vowel) cannot take it
      Flush();
      initial_ = consonant;
    } else if (initial_ == 0) {  // a lone vowel before it
      Flush();
      initial_ = consonant;
    } else if (final_ == 0) {
      if (CanBeFinal(consonant)) {
        final_ = consonant;
      } else {
        Flush();
        initial_ = consonant;
      }
    } else if (auto joined = CombineFinals(final_, consonant)) {
      final_ = *joined;
    } else {
      Flush();
      initial_ = consonant;
    }
  }

  void Vowel(char32_t vowel) {
    if (final_ != 0) {
      // The final moves to the new syllable (가방, not 갑앙); of a compound only its second letter.
      char32_t moving = final_;
      if (auto parts = SplitCompoundJamo(final_)) {
        final_ = parts->first;
        moving = parts->second;
      } else {
        final_ = 0;
      }
      Flush();
      initial_ = moving;
      medial_ = vowel;
    } else if (medial_ != 0) {
      if (auto joined = CombineVowels(medial_, vowel)) {
        medial_ = *joined;
      } else {
        Flush();
        medial_ = vowel;
      }
    } else {
      medial_ = vowel;
    }
  }

  void Flush() {
    if (initial_ != 0 && medial_ != 0) {
      out_.push_back(ComposeSyllable(initial_, medial_, final_).value_or(kReplacementCharacter));
    } else {
      if (initial_ != 0) out_.push_back(initial_);
      if (medial_ != 0) out_.push_back(medial_);
    }
    initial_ = medial_ = final_ = 0;
  }

 private:
  std::u32string& out_;
  char32_t initial_ = 0;
  char32_t medial_ = 0;
  char32_t final_ = 0;
};

std::u32string KeystrokesToCodePoints(std::string_view keys) {
  std::u32string out;
  SyllableAssembler assembler(out);
  for (char32_t code_point : DecodeUtf8(keys)) {
    std::optional<char32_t> jamo;
    if (code_point < 0x80) jamo = KeyToJamo(static_cast<char>(code_point));
    if (!jamo) {
      assembler.Flush();
      out.push_back(code_point);
    } else if (IsVowelJamo(*jamo)) {
      assembler.Vowel(*jamo);
    } else {
      assembler.Consonant(*jamo);
    }
  }
  assembler.Flush();
  return out;
}

}  // namespace

std::string KeystrokesToHangul(std::string_view keys) { return EncodeUtf8(KeystrokesToCodePoints(keys)); }

std::string HangulToKeystrokes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t code_point : ToKeystrokeJamo(DecodeUtf8(text))) {
    bool written = false;
    for (std::size_t index = 0; index < kLowerKeys.size() && !written; ++index) {
      if (kLowerKeys[index] == code_point) {
        out.push_back(static_cast<char>('a' + index));
        written = true;
      }
    }
    for (char key : std::string_view("QWERTOP")) {
      if (!written && KeyToJamo(key) == code_point) {
        out.push_back(key);
        written = true;
      }
    }
    if (!written) AppendUtf8(out, code_point);
  }
  return out;
}

bool LooksLikeKoreanTypedInLatin(std::string_view keys) {
  bool has_letter = false;
  for (char key : keys) {
    if ((key >= 'a' && key <= 'z') || (key >= 'A' && key <= 'Z')) has_letter = true;
  }
  if (!has_letter) return false;
  for (char32_t code_point : KeystrokesToCodePoints(keys)) {
    if (IsCompatibilityJamo(code_point)) return false;
  }
  return true;
}

}  // namespace manmulsang::text
