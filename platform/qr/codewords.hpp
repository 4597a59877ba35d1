#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "manmulsang/qr/qr_code.hpp"

// From bytes to the codeword sequence a symbol carries; private to platform/qr.
namespace manmulsang::qr {

// Byte mode indicator, character count, the bytes, a terminator of up to four zero bits, zero
// bits to the byte boundary, then the pad bytes 0xEC 0x11 … up to DataCodewords(version, level).
// The bytes must fit (ByteCapacity).
std::vector<std::uint8_t> EncodeDataCodewords(std::string_view bytes, int version, ErrorCorrection level);

// Splits the data codewords into the version's blocks (the short ones first), computes each
// block's Reed–Solomon codewords, and interleaves them: the data column by column, then the
// error correction column by column.
std::vector<std::uint8_t> AddErrorCorrection(std::span<const std::uint8_t> data, int version, ErrorCorrection level);

}  // namespace manmulsang::qr
