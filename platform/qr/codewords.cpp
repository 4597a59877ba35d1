#include "codewords.hpp"

#include <stdexcept>

#include "qr_tables.hpp"
#include "reed_solomon.hpp"

namespace manmulsang::qr {
namespace {

class BitWriter {
 public:
  void Append(std::uint32_t value, int bit_count) {
    for (int bit = bit_count - 1; bit >= 0; --bit) bits_.push_back(((value >> bit) & 1u) != 0);
  }
  std::size_t size() const { return bits_.size(); }
  std::vector<std::uint8_t> Bytes() const {
    std::vector<std::uint8_t> bytes(bits_.size() / 8, 0);
    for (std::size_t index = 0; index < bytes.size() * 8; ++index) {
      if (bits_[index]) bytes[index / 8] |= static_cast<std::uint8_t>(0x80u >> (index % 8));
    }
    return bytes;
  }

 private:
  std::vector<bool> bits_;
};

constexpr std::uint32_t kByteModeIndicator = 0b0100;

}  // namespace

std::vector<std::uint8_t> EncodeDataCodewords(std::string_view bytes, int version, ErrorCorrection level) {
  const std::size_t capacity_bits = static_cast<std::size_t>(DataCodewords(version, level)) * 8;
  if (bytes.size() > static_cast<std::size_t>(ByteCapacity(version, level))) {
    throw std::logic_error("QR data does not fit the version chosen for it");
  }
  BitWriter writer;
  writer.Append(kByteModeIndicator, 4);
  writer.Append(static_cast<std::uint32_t>(bytes.size()), ByteCountBits(version));
  for (const char byte : bytes) writer.Append(static_cast<unsigned char>(byte), 8);
  writer.Append(0, static_cast<int>(std::min<std::size_t>(4, capacity_bits - writer.size())));
  writer.Append(0, static_cast<int>((8 - writer.size() % 8) % 8));
  std::vector<std::uint8_t> codewords = writer.Bytes();
  for (std::uint8_t pad = 0xEC; codewords.size() * 8 < capacity_bits; pad ^= 0xEC ^ 0x11) codewords.push_back(pad);
  return codewords;
}

std::vector<std::uint8_t> AddErrorCorrection(std::span<const std::uint8_t> data, int version, ErrorCorrection level) {
  if (data.size() != static_cast<std::size_t>(DataCodewords(version, level))) {
    throw std::logic_error("QR data codewords do not fill the version");
  }
  const int block_count = ErrorCorrectionBlocks(level, version);
  const int ecc_length = EccCodewordsPerBlock(level, version);
  const int raw_codewords = RawDataModules(version) / 8;
  const int long_blocks = raw_codewords % block_count;
  const int short_blocks = block_count - long_blocks;
  const int short_block_data = raw_codewords / block_count - ecc_length;

  const std::vector<std::uint8_t> generator = ReedSolomonGenerator(ecc_length);
  std::vector<std::span<const std::uint8_t>> data_blocks;
  std::vector<std::vector<std::uint8_t>> ecc_blocks;
  std::size_t offset = 0;
  for (int block = 0; block < block_count; ++block) {
    const std::size_t length = static_cast<std::size_t>(short_block_data + (block < short_blocks ? 0 : 1));
    data_blocks.push_back(data.subspan(offset, length));
    ecc_blocks.push_back(ReedSolomonRemainder(data_blocks.back(), generator));
    offset += length;
  }

  std::vector<std::uint8_t> sequence;
  sequence.reserve(static_cast<std::size_t>(raw_codewords));
  for (std::size_t column = 0; column <= static_cast<std::size_t>(short_block_data); ++column) {
    for (const auto& block : data_blocks) {
      if (column < block.size()) sequence.push_back(block[column]);  // short blocks end a column early
    }
  }
  for (std::size_t column = 0; column < static_cast<std::size_t>(ecc_length); ++column) {
    for (const auto& block : ecc_blocks) sequence.push_back(block[column]);
  }
  return sequence;
}

}  // namespace manmulsang::qr
