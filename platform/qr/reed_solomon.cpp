#include "reed_solomon.hpp"

#include <stdexcept>

namespace manmulsang::qr {

std::uint8_t GfMultiply(std::uint8_t left, std::uint8_t right) {
  // Russian peasant multiplication, reducing by 0x11D whenever the product overflows 8 bits.
  unsigned product = 0;
  for (int bit = 7; bit >= 0; --bit) {
    product = (product << 1) ^ ((product >> 7) * 0x11D);
    product ^= ((right >> bit) & 1u) * left;
  }
  return static_cast<std::uint8_t>(product);
}

std::vector<std::uint8_t> ReedSolomonGenerator(int degree) {
  if (degree < 1 || degree > 255) throw std::logic_error("Reed-Solomon degree out of range");
  // Starts as the monomial 1 and is multiplied by (x - α^i) for i = 0 … degree - 1.
  std::vector<std::uint8_t> coefficients(static_cast<std::size_t>(degree), 0);
  coefficients.back() = 1;
  std::uint8_t root = 1;
  for (int step = 0; step < degree; ++step) {
    for (std::size_t index = 0; index < coefficients.size(); ++index) {
      coefficients[index] = GfMultiply(coefficients[index], root);
      if (index + 1 < coefficients.size()) coefficients[index] ^= coefficients[index + 1];
    }
    root = GfMultiply(root, 0x02);
  }
  return coefficients;
}

std::vector<std::uint8_t> ReedSolomonRemainder(std::span<const std::uint8_t> data,
                                               std::span<const std::uint8_t> generator) {
  std::vector<std::uint8_t> remainder(generator.size(), 0);
  for (const std::uint8_t byte : data) {
    const std::uint8_t factor = byte ^ remainder.front();
    remainder.erase(remainder.begin());
    remainder.push_back(0);
    for (std::size_t index = 0; index < remainder.size(); ++index)
      remainder[index] ^= GfMultiply(generator[index], factor);
  }
  return remainder;
}

}  // namespace manmulsang::qr
