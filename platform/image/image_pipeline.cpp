#include "manmulsang/image/image_pipeline.hpp"

#include <algorithm>
#include <semaphore>
#include <utility>
#include <variant>

#include "image_decoding.hpp"
#include "vips_runtime.hpp"

namespace manmulsang::image {

// Bounds how many images are decoded at once, so memory is bounded however many uploads arrive.
class ImagePipeline::Gate {
 public:
  explicit Gate(int slots) : semaphore_(std::clamp(slots, 1, kMaxSlots)) {}

  class Pass {
   public:
    explicit Pass(Gate& gate) : gate_(gate) { gate_.semaphore_.acquire(); }
    ~Pass() { gate_.semaphore_.release(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    Gate& gate_;
  };

 private:
  static constexpr int kMaxSlots = 256;
  std::counting_semaphore<kMaxSlots> semaphore_;
};

ImagePipeline::ImagePipeline(ImageLimits limits)
    : limits_(limits), gate_(std::make_unique<Gate>(limits.max_concurrent)) {
  EnsureVips();
}

ImagePipeline::~ImagePipeline() = default;

std::expected<ImageHeader, ImageError> ImagePipeline::Inspect(std::string_view bytes) const {
  std::variant<ImageHeader, ImageError> checked = CheckBeforeDecoding(bytes, limits_);
  if (const ImageError* refusal = std::get_if<ImageError>(&checked)) return std::unexpected(*refusal);
  return std::get<ImageHeader>(checked);
}

std::expected<ProcessedImage, ImageError> ImagePipeline::Process(std::string_view bytes) const {
  const auto header = Inspect(bytes);
  if (!header) return std::unexpected(header.error());

  const Gate::Pass pass(*gate_);
  std::variant<ProcessedImage, ImageError> decoded = DecodeAccepted(header->format, bytes, limits_);
  if (const ImageError* refusal = std::get_if<ImageError>(&decoded)) return std::unexpected(*refusal);
  return std::move(std::get<ProcessedImage>(decoded));
}

}  // namespace manmulsang::image
