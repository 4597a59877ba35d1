#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "codewords.hpp"
#include "manmulsang/qr/qr_code.hpp"
#include "manmulsang/qr/qr_svg.hpp"
#include "qr_tables.hpp"
#include "reed_solomon.hpp"
#include "symbol_grid.hpp"

namespace manmulsang::qr {
namespace {

constexpr std::array kLevels = {ErrorCorrection::low, ErrorCorrection::medium, ErrorCorrection::quartile,
                                ErrorCorrection::high};

// Known answers: ISO/IEC 18004's worked example ("01234567", 1-M) and the widely published
// "HELLO WORLD" 1-M example — their data codewords and the ten error correction codewords.
TEST(ReedSolomonTest, ErrorCorrectionOfKnownBlocks) {
  const std::vector<std::uint8_t> generator = ReedSolomonGenerator(10);
  const std::vector<std::uint8_t> iso_data = {16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17};
  EXPECT_EQ(ReedSolomonRemainder(iso_data, generator),
            (std::vector<std::uint8_t>{165, 36, 212, 193, 237, 54, 199, 135, 44, 85}));
  const std::vector<std::uint8_t> hello_data = {32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17};
  EXPECT_EQ(ReedSolomonRemainder(hello_data, generator),
            (std::vector<std::uint8_t>{196, 35, 39, 119, 235, 215, 231, 226, 93, 23}));
}

TEST(ReedSolomonTest, FieldArithmetic) {
  EXPECT_EQ(GfMultiply(0, 0x53), 0);
  EXPECT_EQ(GfMultiply(1, 0x53), 0x53);
  EXPECT_EQ(GfMultiply(0x80, 0x02), 0x1D);  // x^8 = x^4 + x^3 + x^2 + 1
  // The generator of degree 7 (1-L): α exponents 87 229 146 149 238 102 21.
  EXPECT_EQ(ReedSolomonGenerator(7), (std::vector<std::uint8_t>{127, 122, 154, 164, 11, 68, 117}));
}

TEST(QrTablesTest, FormatBitsOfKnownLevelsAndMasks) {
  EXPECT_EQ(FormatBits(ErrorCorrection::low, 0), 0b111011111000100u);
  EXPECT_EQ(FormatBits(ErrorCorrection::low, 4), 0b110011000101111u);
  EXPECT_EQ(FormatBits(ErrorCorrection::medium, 0), 0b101010000010010u);
  EXPECT_EQ(FormatBits(ErrorCorrection::medium, 5), 0b100000011001110u);
  EXPECT_EQ(FormatBits(ErrorCorrection::quartile, 0), 0b011010101011111u);
  EXPECT_EQ(FormatBits(ErrorCorrection::high, 0), 0b001011010001001u);
}

TEST(QrTablesTest, VersionBitsOfKnownVersions) {
  EXPECT_EQ(VersionBits(7), 0x07C94u);
  EXPECT_EQ(VersionBits(8), 0x085BCu);
  EXPECT_EQ(VersionBits(40), 0x28C69u);
}

TEST(QrTablesTest, CapacityTableEdges) {
  EXPECT_EQ(RawDataModules(1), 208);
  EXPECT_EQ(RawDataModules(2), 359);
  EXPECT_EQ(RawDataModules(7), 1568);
  EXPECT_EQ(RawDataModules(40), 29648);
  // Byte mode capacities of ISO/IEC 18004 table 7.
  EXPECT_EQ(ByteCapacity(1, ErrorCorrection::low), 17);
  EXPECT_EQ(ByteCapacity(1, ErrorCorrection::medium), 14);
  EXPECT_EQ(ByteCapacity(1, ErrorCorrection::quartile), 11);
  EXPECT_EQ(ByteCapacity(1, ErrorCorrection::high), 7);
  EXPECT_EQ(ByteCapacity(2, ErrorCorrection::medium), 26);
  EXPECT_EQ(ByteCapacity(5, ErrorCorrection::medium), 84);
  EXPECT_EQ(ByteCapacity(9, ErrorCorrection::medium), 180);
  EXPECT_EQ(ByteCapacity(10, ErrorCorrection::medium), 213);
  EXPECT_EQ(ByteCapacity(10, ErrorCorrection::high), 119);
  EXPECT_EQ(ByteCapacity(40, ErrorCorrection::low), 2953);
  EXPECT_EQ(ByteCapacity(40, ErrorCorrection::medium), 2331);
  EXPECT_EQ(ByteCapacity(40, ErrorCorrection::quartile), 1663);
  EXPECT_EQ(ByteCapacity(40, ErrorCorrection::high), 1273);
  // Every version's blocks fill its raw codewords exactly, at every level.
  for (const ErrorCorrection level : kLevels) {
    for (int version = kMinVersion; version <= kMaxVersion; ++version) {
      EXPECT_GT(DataCodewords(version, level), 0) << version;
      EXPECT_LT(ErrorCorrectionBlocks(level, version), DataCodewords(version, level)) << version;
      if (version > 1) {
        EXPECT_GT(ByteCapacity(version, level), ByteCapacity(version - 1, level)) << version;
      }
    }
  }
}

TEST(QrTablesTest, AlignmentPatternPositions) {
  EXPECT_TRUE(AlignmentPatternPositions(1).empty());
  EXPECT_EQ(AlignmentPatternPositions(2), (std::vector<int>{6, 18}));
  EXPECT_EQ(AlignmentPatternPositions(7), (std::vector<int>{6, 22, 38}));
  EXPECT_EQ(AlignmentPatternPositions(32), (std::vector<int>{6, 34, 60, 86, 112, 138}));
  EXPECT_EQ(AlignmentPatternPositions(40), (std::vector<int>{6, 30, 58, 86, 114, 142, 170}));
}

TEST(CodewordsTest, ByteModeBitsAndPadding) {
  // "ab" at 1-M: 0100 00000010 01100001 01100010 0000, then 0xEC 0x11 alternately.
  const std::vector<std::uint8_t> data = EncodeDataCodewords("ab", 1, ErrorCorrection::medium);
  EXPECT_EQ(data, (std::vector<std::uint8_t>{0x40, 0x26, 0x16, 0x20, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
                                             0xEC, 0x11, 0xEC, 0x11}));
  // From version 10 the count takes 16 bits.
  const std::vector<std::uint8_t> long_count = EncodeDataCodewords("a", 10, ErrorCorrection::medium);
  // 0100 0000000000000001 01100001 0000 → 40 00 16 10.
  EXPECT_EQ((std::vector<std::uint8_t>(long_count.begin(), long_count.begin() + 4)),
            (std::vector<std::uint8_t>{0x40, 0x00, 0x16, 0x10}));
  // A full symbol has room for neither terminator nor padding.
  const std::string full(14, 'x');
  EXPECT_EQ(EncodeDataCodewords(full, 1, ErrorCorrection::medium).size(), 16u);
}

TEST(CodewordsTest, InterleavesShortBlocksBeforeLongOnes) {
  // 5-Q: two blocks of 15 data codewords, two of 16, 18 error correction codewords each.
  std::vector<std::uint8_t> data(62);
  for (std::size_t index = 0; index < data.size(); ++index) data[index] = static_cast<std::uint8_t>(index);
  const std::vector<std::uint8_t> sequence = AddErrorCorrection(data, 5, ErrorCorrection::quartile);
  ASSERT_EQ(sequence.size(), 134u);
  EXPECT_EQ((std::vector<std::uint8_t>(sequence.begin(), sequence.begin() + 8)),
            (std::vector<std::uint8_t>{0, 15, 30, 46, 1, 16, 31, 47}));
  // The last data column holds only the long blocks' 16th codewords.
  EXPECT_EQ(sequence[60], 45);
  EXPECT_EQ(sequence[61], 61);
}

TEST(QrCodeTest, ChoosesTheSmallestVersionThatFits) {
  EXPECT_EQ(QrCode::EncodeBytes(std::string(14, 'a'))->version(), 1);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(15, 'a'))->version(), 2);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(17, 'a'), ErrorCorrection::low)->version(), 1);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(213, 'a'))->version(), 10);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(214, 'a'))->version(), 11);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(2331, 'a'))->version(), 40);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(2332, 'a')).error(), QrError::too_long);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(2953, 'a'), ErrorCorrection::low)->version(), 40);
  EXPECT_EQ(QrCode::EncodeBytes(std::string(2954, 'a'), ErrorCorrection::low).error(), QrError::too_long);
  EXPECT_EQ(QrCode::EncodeBytes("")->version(), 1);
  const auto code = QrCode::EncodeBytes("https://market.local/p/1", ErrorCorrection::high);
  ASSERT_TRUE(code);
  EXPECT_EQ(code->error_correction(), ErrorCorrection::high);
  EXPECT_EQ(code->size(), 17 + 4 * code->version());
}

// Reads the 15 format bits back from the top left copy of a finished symbol.
std::uint32_t FormatBitsOf(const QrCode& code) {
  std::uint32_t bits = 0;
  auto put = [&](int index, bool dark) { bits |= static_cast<std::uint32_t>(dark) << index; };
  for (int index = 0; index <= 5; ++index) put(index, code.Dark(8, index));
  put(6, code.Dark(8, 7));
  put(7, code.Dark(8, 8));
  put(8, code.Dark(7, 8));
  for (int index = 9; index < 15; ++index) put(index, code.Dark(14 - index, 8));
  return bits;
}

TEST(QrCodeTest, SymbolHasFindersTimingAndItsFormat) {
  for (const ErrorCorrection level : kLevels) {
    const auto code = QrCode::EncodeBytes("https://market.local/s/42", level);
    ASSERT_TRUE(code);
    const int size = code->size();
    for (const auto& [corner_x, corner_y] :
         std::array<std::pair<int, int>, 3>{{{0, 0}, {size - 7, 0}, {0, size - 7}}}) {
      EXPECT_TRUE(code->Dark(corner_x, corner_y));
      EXPECT_FALSE(code->Dark(corner_x + 1, corner_y + 1));
      EXPECT_TRUE(code->Dark(corner_x + 3, corner_y + 3));
    }
    for (int position = 8; position < size - 8; ++position) {
      EXPECT_EQ(code->Dark(position, 6), position % 2 == 0);
      EXPECT_EQ(code->Dark(6, position), position % 2 == 0);
    }
    EXPECT_TRUE(code->Dark(8, size - 8));
    EXPECT_EQ(FormatBitsOf(*code), FormatBits(level, code->mask()));
  }
}

TEST(QrCodeTest, TheChosenMaskHasTheLowestPenalty) {
  const std::string text = "https://market.local/p/123456";
  const auto code = QrCode::EncodeBytes(text);
  ASSERT_TRUE(code);
  const std::vector<std::uint8_t> codewords = AddErrorCorrection(
      EncodeDataCodewords(text, code->version(), ErrorCorrection::medium), code->version(), ErrorCorrection::medium);
  std::array<int, 8> penalties{};
  for (int mask = 0; mask < 8; ++mask) {
    SymbolGrid grid(code->version());
    grid.PlaceCodewords(codewords);
    grid.ApplyMask(mask);
    grid.DrawFormatBits(ErrorCorrection::medium, mask);
    penalties[static_cast<std::size_t>(mask)] = grid.Penalty();
    if (mask == code->mask()) {
      for (int y = 0; y < code->size(); ++y) {
        for (int x = 0; x < code->size(); ++x) ASSERT_EQ(grid.Dark(x, y), code->Dark(x, y)) << x << "," << y;
      }
    }
  }
  for (int mask = 0; mask < 8; ++mask)
    EXPECT_LE(penalties[static_cast<std::size_t>(code->mask())], penalties[static_cast<std::size_t>(mask)]);
}

TEST(QrCodeTest, PenaltyCountsRunsBlocksFindersAndBalance) {
  // A 5×5 checkerboard: no runs, no blocks, 13 of 25 dark (within 5 % of half).
  std::vector<std::uint8_t> checkerboard(25);
  for (int index = 0; index < 25; ++index)
    checkerboard[static_cast<std::size_t>(index)] = (index % 5 + index / 5) % 2 == 0;
  EXPECT_EQ(MaskPenalty(checkerboard, 5), 0);
  // All light: ten runs of five (3 each), sixteen 2×2 blocks (3 each), 50 % off half (10 × 10).
  const std::vector<std::uint8_t> light(25, 0);
  EXPECT_EQ(MaskPenalty(light, 5), 30 + 48 + 100);
  EXPECT_EQ(MaskPenalty(std::vector<std::uint8_t>(25, 1), 5), 30 + 48 + 100);
  // One dark module in the middle: eight runs of five, twelve blocks, 46 % off half (9 × 10).
  std::vector<std::uint8_t> centre(25, 0);
  centre[12] = 1;
  EXPECT_EQ(MaskPenalty(centre, 5), 24 + 36 + 90);
  // 11×11, all light but row 5: dark light dark dark dark light dark, then four light. The
  // pattern has light on both sides (the quiet zone before it): 2 × 40. Ten light rows (runs of
  // 11: 9 each), five columns split 5 + 1 + 5 (6 each), six light columns (9 each), 86 blocks,
  // 5 of 121 dark (9 × 10).
  std::vector<std::uint8_t> finder(121, 0);
  for (const int x : {0, 2, 3, 4, 6}) finder[static_cast<std::size_t>(55 + x)] = 1;
  EXPECT_EQ(MaskPenalty(finder, 11), 80 + 90 + 30 + 54 + 86 * 3 + 90);
}

TEST(QrSvgTest, OnePathWithQuietZoneViewBoxAndTitle) {
  const auto code = QrCode::EncodeBytes("https://market.local/p/7");
  ASSERT_TRUE(code);
  const std::string svg = QrSvg(*code, "QR <&> \"7\"");
  const std::string side = std::to_string(code->size() + 8);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_NE(svg.find("viewBox=\"0 0 " + side + " " + side + "\""), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("<title>QR &lt;&amp;&gt; &quot;7&quot;</title>"), std::string::npos);
  std::size_t paths = 0;
  for (std::size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1)) ++paths;
  EXPECT_EQ(paths, 1u);
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);  // the top left finder's top edge, past the quiet zone
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(QrSvg(*code, "QR <&> \"7\""), svg);  // deterministic
}

}  // namespace
}  // namespace manmulsang::qr
