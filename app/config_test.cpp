// Config: the TOML file's keys, the store URL and the listen address.
#include "config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>

#include "temp_directory.hpp"

namespace manmulsang::app {
namespace {

using manmulsang::testing::TempDirectory;

class ConfigFileTest : public ::testing::Test {
 protected:
  // Writes the text to a fresh file in the test's folder and returns its path.
  std::string WriteConfig(const std::string& text) {
    const std::string file = (directory_ / ("config-" + std::to_string(++files_) + ".toml")).string();
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  // The message LoadConfigFile throws for the text; empty (and a test failure) if it does not throw.
  std::string ErrorFor(const std::string& text, Config& config) {
    const std::string file = WriteConfig(text);
    try {
      LoadConfigFile(file, config);
    } catch (const std::runtime_error& error) {
      return error.what();
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return {};
  }

  TempDirectory directory_{"manmulsang-config-test"};
  int files_ = 0;
};

Config WithListen(const std::string& listen) {
  Config config;
  config.listen = listen;
  return config;
}

TEST(ConfigTest, DefaultsServeLoopbackFromTheDataFolder) {
  const Config config;
  EXPECT_EQ(config.data_directory, "./data");
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:./data/manmulsang.db");
  const auto endpoint = config.ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "127.0.0.1");
  EXPECT_EQ(endpoint->port, 8080);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(10));
  EXPECT_EQ(config.threads, 0u);
  EXPECT_TRUE(config.access_log);
  EXPECT_FALSE(config.trust_proxy_headers);
}

TEST(ConfigTest, DatabaseUrlFollowsTheDataFolderUnlessGiven) {
  Config config;
  config.data_directory = "/srv/만물상";
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:/srv/만물상/manmulsang.db");
  config.database_url = "postgresql://market@db/market";
  EXPECT_EQ(config.DatabaseUrl(), "postgresql://market@db/market");
}

TEST(ConfigTest, ListenTakesIpv4HostsAndPorts) {
  auto endpoint = WithListen("0.0.0.0:80").ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "0.0.0.0");
  EXPECT_EQ(endpoint->port, 80);

  endpoint = WithListen("10.1.2.3:65535").ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "10.1.2.3");
  EXPECT_EQ(endpoint->port, 65535);

  endpoint = WithListen("localhost:0").ListenEndpoint();  // port 0: the system picks one
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "localhost");
  EXPECT_EQ(endpoint->port, 0);
}

TEST(ConfigTest, ListenTakesBracketedIpv6) {
  auto endpoint = WithListen("[::1]:8080").ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "::1");
  EXPECT_EQ(endpoint->port, 8080);

  endpoint = WithListen("[::]:443").ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "::");
  EXPECT_EQ(endpoint->port, 443);

  endpoint = WithListen("[fe80::1:2]:9000").ListenEndpoint();
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->address, "fe80::1:2");
  EXPECT_EQ(endpoint->port, 9000);
}

TEST(ConfigTest, ListenRejectsWhatIsNotHostColonPort) {
  for (const char* listen : {"nonsense", "", ":8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:99999",
                             "127.0.0.1:4294967297", "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1:80x", "127.0.0.1: 80",
                             "127.0.0.1:80 ", "127.0.0.1:0x50", "[::1]", "[::1]:", "[::1]:http"}) {
    EXPECT_FALSE(WithListen(listen).ListenEndpoint().has_value()) << '"' << listen << '"';
  }
}

TEST_F(ConfigFileTest, EveryKeyIsRead) {
  Config config;
  LoadConfigFile(WriteConfig(R"(
data = "/srv/manmulsang"
database = "sqlite:/srv/manmulsang/other.db"
listen = "[::1]:9090"
threads = 4
request_timeout_seconds = 30
password_threads = 3
password_queue = 10
jobs_interval_seconds = 5
access_log = false
trust_proxy_headers = true
search_in_memory = false
)"),
                 config);
  EXPECT_EQ(config.data_directory, "/srv/manmulsang");
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:/srv/manmulsang/other.db");
  EXPECT_EQ(config.listen, "[::1]:9090");
  EXPECT_EQ(config.threads, 4u);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(30));
  EXPECT_EQ(config.password_threads, 3u);
  EXPECT_EQ(config.password_queue, 10u);
  EXPECT_EQ(config.jobs_interval, std::chrono::seconds(5));
  EXPECT_FALSE(config.access_log);
  EXPECT_TRUE(config.trust_proxy_headers);
  EXPECT_FALSE(config.search_in_memory);
}

TEST_F(ConfigFileTest, KeysTheFileDoesNotSetKeepTheirValues) {
  Config config;
  config.listen = "127.0.0.1:7000";
  config.threads = 3;
  LoadConfigFile(WriteConfig("data = \"/var/lib/market\"\n"), config);
  EXPECT_EQ(config.data_directory, "/var/lib/market");
  EXPECT_EQ(config.DatabaseUrl(), "sqlite:/var/lib/market/manmulsang.db");
  EXPECT_EQ(config.listen, "127.0.0.1:7000");
  EXPECT_EQ(config.threads, 3u);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(10));
  EXPECT_EQ(config.password_queue, 64u);
  EXPECT_EQ(config.jobs_interval, std::chrono::seconds(60));
  EXPECT_TRUE(config.access_log);
  EXPECT_TRUE(config.search_in_memory);

  Config untouched;
  LoadConfigFile(WriteConfig("# nothing but a comment\n"), untouched);
  EXPECT_EQ(untouched.data_directory, "./data");
  EXPECT_EQ(untouched.listen, "127.0.0.1:8080");
}

TEST_F(ConfigFileTest, BrokenTomlNamesTheFileAndTheProblem) {
  Config config;
  const std::string file = WriteConfig("listen = \"127.0.0.1:8080\nthreads = 2\n");  // unterminated string
  try {
    LoadConfigFile(file, config);
    FAIL() << "broken TOML was accepted";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(file), std::string::npos) << message;
    // More than the file name: what is wrong with it.
    EXPECT_GT(message.size(), file.size() + 25) << message;
  }
  EXPECT_EQ(config.listen, "127.0.0.1:8080");
  EXPECT_EQ(config.threads, 0u) << "a broken file must not half-apply";

  EXPECT_FALSE(ErrorFor("threads = = 4\n", config).empty());
  EXPECT_FALSE(ErrorFor("[server\nlisten = \"x:1\"\n", config).empty());
}

TEST_F(ConfigFileTest, AMisspeltKeyIsAnError) {
  Config config;
  const std::string error = ErrorFor("listne = \"127.0.0.1:9000\"\n", config);
  EXPECT_NE(error.find("listne"), std::string::npos) << error;
  EXPECT_EQ(config.listen, "127.0.0.1:8080");
}

TEST_F(ConfigFileTest, AMissingFileIsAnError) {
  Config config;
  const std::string file = (directory_ / "no-such.toml").string();
  try {
    LoadConfigFile(file, config);
    FAIL() << "a missing config file was accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(file), std::string::npos) << error.what();
  }
}

TEST_F(ConfigFileTest, ThreadsOutOfRangeAreRejected) {
  Config config;
  EXPECT_NE(ErrorFor("threads = -1\n", config).find("threads"), std::string::npos);
  EXPECT_NE(ErrorFor("threads = 257\n", config).find("threads"), std::string::npos);
  EXPECT_NE(ErrorFor("threads = 4294967296\n", config).find("threads"), std::string::npos);
  EXPECT_EQ(config.threads, 0u);

  LoadConfigFile(WriteConfig("threads = 256\n"), config);
  EXPECT_EQ(config.threads, 256u);
  LoadConfigFile(WriteConfig("threads = 0\n"), config);
  EXPECT_EQ(config.threads, 0u);
}

TEST_F(ConfigFileTest, RequestTimeoutOutOfRangeIsRejected) {
  Config config;
  EXPECT_NE(ErrorFor("request_timeout_seconds = 0\n", config).find("request_timeout_seconds"), std::string::npos);
  EXPECT_NE(ErrorFor("request_timeout_seconds = -5\n", config).find("request_timeout_seconds"), std::string::npos);
  EXPECT_NE(ErrorFor("request_timeout_seconds = 3601\n", config).find("request_timeout_seconds"), std::string::npos);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(10));

  LoadConfigFile(WriteConfig("request_timeout_seconds = 1\n"), config);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(1));
  LoadConfigFile(WriteConfig("request_timeout_seconds = 3600\n"), config);
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(3600));
}

// A value of the wrong type is a mistake in the file, not a key to skip: skipping it would serve
// with a setting the operator did not choose.
TEST_F(ConfigFileTest, AValueOfTheWrongTypeIsRejected) {
  Config config;
  EXPECT_NE(ErrorFor("threads = \"four\"\n", config).find("threads"), std::string::npos);
  EXPECT_NE(ErrorFor("listen = 8080\n", config).find("listen"), std::string::npos);
  EXPECT_NE(ErrorFor("data = [\"/srv\"]\n", config).find("data"), std::string::npos);
  EXPECT_NE(ErrorFor("access_log = \"no\"\n", config).find("access_log"), std::string::npos);
  EXPECT_NE(ErrorFor("search_in_memory = 1\n", config).find("search_in_memory"), std::string::npos);
  EXPECT_NE(ErrorFor("request_timeout_seconds = 2.5\n", config).find("request_timeout_seconds"), std::string::npos);
  EXPECT_NE(ErrorFor("trust_proxy_headers = 1\n", config).find("trust_proxy_headers"), std::string::npos);
  EXPECT_EQ(config.listen, "127.0.0.1:8080");
  EXPECT_TRUE(config.access_log);
}

TEST_F(ConfigFileTest, PasswordPoolAndJobsIntervalOutOfRangeAreRejected) {
  Config config;
  EXPECT_NE(ErrorFor("password_threads = 257\n", config).find("password_threads"), std::string::npos);
  EXPECT_NE(ErrorFor("password_queue = -1\n", config).find("password_queue"), std::string::npos);
  EXPECT_NE(ErrorFor("jobs_interval_seconds = 0\n", config).find("jobs_interval_seconds"), std::string::npos);
  EXPECT_NE(ErrorFor("jobs_interval_seconds = 3601\n", config).find("jobs_interval_seconds"), std::string::npos);
  EXPECT_EQ(config.password_threads, 0u);
  EXPECT_EQ(config.password_queue, 64u);
  EXPECT_EQ(config.jobs_interval, std::chrono::seconds(60));
}

}  // namespace
}  // namespace manmulsang::app
