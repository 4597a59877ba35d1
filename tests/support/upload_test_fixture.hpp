#pragma once

// Route tests that upload files: the multipart form a browser posts, sent through a route
// fixture's router. Needs media's test_uploads.hpp (target manmulsang_media_testing).

#include <string_view>
#include <vector>

#include "manmulsang/http/response.hpp"
#include "test_uploads.hpp"

namespace manmulsang::testing {

// RouteFixture is a module's route fixture (a RouteTestFixture); this adds the upload to it.
template <class RouteFixture>
class UploadTestFixture : public RouteFixture {
 protected:
  // parts posted to target as one multipart form, signed in as who (RouteTestFixture::Who).
  http::Response Upload(std::string_view target, const std::vector<media::testing::UploadPart>& parts,
                        std::string_view who) {
    return this->Send(http::Method::post, target, media::testing::MultipartBody(parts), who,
                      media::testing::MultipartContentType());
  }
};

}  // namespace manmulsang::testing
