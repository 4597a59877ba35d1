#pragma once

#include <string>
#include <string_view>

namespace manmulsang::search {

// Foreign brands are written both ways: sellers copy "Samsung" from the box, buyers type 삼성
// (and the other way round). No analyzer rule turns one into the other, so a short list of the
// brands sold here does: when the literal query finds nothing, each word of normalized_query
// that is a listed brand is replaced by its other spelling (삼성 ssd → samsung ssd, lenovo 노트북
// → 레노버 노트북). Returns empty when no word is a listed brand.
std::string BrandRespelledQuery(std::string_view normalized_query);

}  // namespace manmulsang::search
