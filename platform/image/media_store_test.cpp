#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/image/image_pipeline.hpp"
#include "manmulsang/image/media_store.hpp"
#include "temp_directory.hpp"
#include "test_images.hpp"

namespace manmulsang::image {
namespace {

const std::string kAbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::vector<std::filesystem::path> AllFiles(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  return files;
}

TEST(MediaStore, NamesAFileByTheSha256OfItsBytesInAShardFolder) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory / "media");
  const std::string name = store.Put("abc", "jpg");
  EXPECT_EQ(name, kAbcSha256 + ".jpg");
  const std::filesystem::path expected_path = directory / "media" / "ba" / name;
  EXPECT_TRUE(std::filesystem::is_regular_file(expected_path));
  EXPECT_EQ(store.Find(name), expected_path);
  EXPECT_EQ(store.Read(name), "abc");
  EXPECT_EQ(MediaStore::ContentType(name), "image/jpeg");
}

TEST(MediaStore, StoringTheSameBytesTwiceIsOneFile) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory.path());
  const std::string first = store.Put("same bytes", "jpg");
  const std::string second = store.Put("same bytes", "jpg");
  EXPECT_EQ(first, second);
  EXPECT_NE(store.Put("other bytes", "jpg"), first);
  EXPECT_EQ(AllFiles(directory.path()).size(), 2u);  // and no temporary file left behind
  EXPECT_EQ(store.List().size(), 2u);
}

TEST(MediaStore, SameUploadGetsTheSameNameThroughThePipeline) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory.path());
  const ImagePipeline pipeline;
  const std::string upload = testing::JpegWithExif(testing::RedLeftBlueRight(700, 500), 6);
  const auto first = pipeline.Process(upload);
  const auto second = pipeline.Process(upload);
  ASSERT_TRUE(first && second);
  const std::string name = store.Put(first->detail.bytes, EncodedImage::kExtension);
  EXPECT_EQ(store.Put(second->detail.bytes, EncodedImage::kExtension), name);
  EXPECT_EQ(store.Read(name), first->detail.bytes);
  EXPECT_EQ(MediaStore::ContentType(name), EncodedImage::kContentType);
}

TEST(MediaStore, RefusesEveryNameThatIsNotHexAndAKnownExtension) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory / "media");
  const std::string name = store.Put("abc", "png");
  // A file outside the store that a traversal would reach.
  std::ofstream(directory / "secret.jpg") << "secret";

  const std::string hash = kAbcSha256;
  for (const std::string& bad : std::vector<std::string>{
           "", ".png", hash, hash + ".", hash + ".exe", hash + ".PNG", hash + ".png.png", hash + ".jpg ",
           hash.substr(1) + ".png", hash + "0.png",
           "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD.png", "../secret.jpg", "../../secret.jpg",
           "/etc/passwd", (directory / "secret.jpg").string(), "ba/" + hash + ".png", "..%2fsecret.jpg",
           hash + ".png" + std::string(1, '\0'), "g" + hash.substr(1) + ".png"}) {
    EXPECT_FALSE(MediaStore::IsValidName(bad)) << bad;
    EXPECT_FALSE(store.Find(bad).has_value()) << bad;
    EXPECT_FALSE(store.Read(bad).has_value()) << bad;
    EXPECT_TRUE(MediaStore::ContentType(bad).empty()) << bad;
  }
  EXPECT_TRUE(MediaStore::IsValidName(name));
  EXPECT_EQ(MediaStore::ContentType(name), "image/png");
  // A valid name that was never stored is simply not found.
  EXPECT_FALSE(store.Find(std::string(64, 'a') + ".jpg").has_value());
}

TEST(MediaStore, RefusesToStoreAnUnknownExtension) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory.path());
  EXPECT_THROW(store.Put("abc", "svg"), std::invalid_argument);
  EXPECT_THROW(store.Put("abc", "../jpg"), std::invalid_argument);
  EXPECT_TRUE(AllFiles(directory.path()).empty());
}

TEST(MediaStore, ListsStoredNamesAndSkipsTemporaryFilesAndStrangers) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory.path());
  const std::string jpeg = store.Put("one", "jpg");
  const std::string gif = store.Put("two", "gif");
  // What a crash mid-write leaves, and files that are not ours.
  std::ofstream(directory / jpeg.substr(0, 2) / ".tmp-0123456789abcdef") << "half";
  std::ofstream(directory / "README") << "x";
  std::filesystem::create_directories(directory / "zz");
  std::ofstream(directory / "zz" / (std::string(64, 'a') + ".jpg")) << "wrong shard";
  std::vector<std::string> expected = {jpeg, gif};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(store.List(), expected);
  EXPECT_EQ(store.Read(jpeg), "one");  // nothing was deleted or changed
}

TEST(MediaStore, ConcurrentPutsOfTheSameAndDifferentBytes) {
  const manmulsang::testing::TempDirectory directory;
  const MediaStore store(directory.path());
  constexpr int kThreads = 8;
  std::vector<std::string> names(kThreads);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int round = 0; round < 20; ++round) store.Put(std::string(10'000, 'x'), "jpg");
      names[thread] = store.Put("thread " + std::to_string(thread), "jpg");
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(store.List().size(), kThreads + 1u);
  EXPECT_EQ(AllFiles(directory.path()).size(), kThreads + 1u);
  for (int thread = 0; thread < kThreads; ++thread) {
    EXPECT_EQ(store.Read(names[thread]), "thread " + std::to_string(thread));
  }
}

}  // namespace
}  // namespace manmulsang::image
