#include "manmulsang/media/upload_messages.hpp"

#include "embedded/media_i18n.hpp"

namespace manmulsang::media {

std::span<const core::EmbeddedFile> UploadMessages() { return embedded::media_i18n(); }

}  // namespace manmulsang::media
