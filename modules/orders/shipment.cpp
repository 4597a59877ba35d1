#include "manmulsang/orders/order.hpp"
#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/normalize.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::orders {
namespace {

// Anything longer is not a carrier's name; the byte bound stops a huge field before decoding.
constexpr std::size_t kMaxCarrierBytes = kMaxCarrier * 4;

bool TrackingCharacter(char character) {
  return (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
         (character >= '0' && character <= '9') || character == '-';
}

}  // namespace

std::expected<Shipment, OrderError> CleanShipment(std::string_view carrier, std::string_view tracking_number) {
  if (carrier.size() > kMaxCarrierBytes || !text::IsValidUtf8(carrier) || text::HasControlCharacter(carrier)) {
    return std::unexpected(OrderError::invalid_carrier);
  }
  Shipment shipment;
  shipment.carrier = text::CollapseWhitespace(text::NormalizeNfc(carrier));
  if (shipment.carrier.empty() || text::CodePointCount(shipment.carrier) > kMaxCarrier) {
    return std::unexpected(OrderError::invalid_carrier);
  }
  // Pasted numbers often carry blanks around them; inside, only the carriers' own characters.
  const std::size_t first = tracking_number.find_first_not_of(" \t");
  const std::size_t last = tracking_number.find_last_not_of(" \t");
  const std::string_view trimmed =
      first == std::string_view::npos ? std::string_view() : tracking_number.substr(first, last - first + 1);
  if (trimmed.empty() || trimmed.size() > kMaxTrackingNumber)
    return std::unexpected(OrderError::invalid_tracking_number);
  for (char character : trimmed) {
    if (!TrackingCharacter(character)) return std::unexpected(OrderError::invalid_tracking_number);
  }
  shipment.tracking_number = std::string(trimmed);
  return shipment;
}

}  // namespace manmulsang::orders
