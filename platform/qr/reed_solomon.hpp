#pragma once

#include <cstdint>
#include <span>
#include <vector>

// Reed–Solomon error correction over GF(256) as QR codes use it (primitive polynomial
// x^8 + x^4 + x^3 + x^2 + 1, generator roots α^0 … α^(n-1)); private to platform/qr.
namespace manmulsang::qr {

std::uint8_t GfMultiply(std::uint8_t left, std::uint8_t right);

// The generator polynomial of the given degree, highest power first, its leading 1 left out.
std::vector<std::uint8_t> ReedSolomonGenerator(int degree);

// The error correction codewords of one block: data × x^degree modulo the generator.
std::vector<std::uint8_t> ReedSolomonRemainder(std::span<const std::uint8_t> data,
                                               std::span<const std::uint8_t> generator);

}  // namespace manmulsang::qr
