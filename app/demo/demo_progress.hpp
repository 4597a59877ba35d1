#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace manmulsang::demo {

// "상품 [#########.....]  45% 4500/10000" on stderr, redrawn in place; only on a terminal, so
// logs and tests get clean output.
class ProgressBar {
 public:
  ProgressBar(bool wanted, std::int64_t total)
      : visible_(wanted && isatty(fileno(stderr)) == 1), total_(std::max<std::int64_t>(total, 1)) {}

  void Show(std::string_view stage, std::int64_t done) {
    if (!visible_) return;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(done * kWidth / total_);
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(stderr, "\r%.*s [%s] %3d%% %lld/%lld", static_cast<int>(stage.size()), stage.data(), bar.c_str(),
                 static_cast<int>(done * 100 / total_), static_cast<long long>(done), static_cast<long long>(total_));
    std::fflush(stderr);
  }
  void Finish() {
    if (visible_) std::fputc('\n', stderr);
  }

 private:
  bool visible_;
  std::int64_t total_;
};

}  // namespace manmulsang::demo
