// manmulsang: the marketplace server and its administration commands.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "commands.hpp"
#include "config.hpp"

int main(int argc, char** argv) {
  using manmulsang::app::Config;
  CLI::App cli{"Manmulsang (만물상) — a marketplace server for closed networks"};
  cli.require_subcommand(1);

  Config config;
  std::string config_file;
  std::string data_directory;
  std::string database_url;
  // Options every command takes: where the store is.
  const auto add_store_options = [&](CLI::App* command) {
    command->add_option("--data", data_directory, "Data folder (default ./data)");
    command->add_option("--database", database_url, "Store URL: sqlite:PATH or postgresql://...");
    command->add_option("--config", config_file, "TOML config file")->check(CLI::ExistingFile);
  };

  auto* serve = cli.add_subcommand("serve", "Serve the marketplace over HTTP");
  add_store_options(serve);
  std::string listen;
  unsigned threads = 0;
  int request_timeout = 0;
  unsigned password_threads = 0;
  int password_queue = -1;
  int jobs_interval = 0;
  bool no_access_log = false;
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)");
  serve->add_option("--threads", threads, "I/O threads (default: one per core)")->check(CLI::Range(0, 256));
  serve->add_option("--request-timeout", request_timeout, "Seconds a client has to send a whole request")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--password-threads", password_threads,
                   "Threads that hash passwords for sign-in, registration and reset (default: one per core)")
      ->check(CLI::Range(0, 256));
  serve
      ->add_option("--password-queue", password_queue,
                   "Requests that may wait for a password thread (default 64); more are answered 503 at once")
      ->check(CLI::Range(0, 100000));
  serve
      ->add_option("--jobs-interval", jobs_interval,
                   "Seconds between turns of the timed order jobs (default 60: expiry, delivery, confirmation)")
      ->check(CLI::Range(1, 3600));
  serve->add_flag("--no-access-log", no_access_log, "Do not log each request");
  bool trust_proxy = false;
  serve->add_flag("--trust-proxy", trust_proxy, "Take client addresses from X-Real-IP/X-Forwarded-For (behind nginx)");
  std::vector<std::string> replica_urls;
  serve->add_option("--database-replica", replica_urls,
                    "A PostgreSQL read replica of --database (repeatable); reads are spread over them");
  serve->add_flag("--list-routes", config.list_routes, "Print every route (METHOD /pattern) and exit without serving");

  auto* demo = cli.add_subcommand("demo", "Fill an empty store with a realistic demo marketplace");
  add_store_options(demo);
  std::int64_t products = 10000;
  std::uint64_t seed = 1;
  demo->add_option("--products", products, "How many products (default 10000)")->check(CLI::Range(1, 10000000));
  demo->add_option("--seed", seed, "Random seed; the same seed gives the same marketplace");
  bool if_empty = false;
  demo->add_flag("--if-empty", if_empty, "Succeed without doing anything when the store already has products");

  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  add_store_options(migrate);

  auto* admin = cli.add_subcommand("admin", "Administration");
  admin->require_subcommand(1);
  auto* create_user = admin->add_subcommand("create-user", "Create a member with a role");
  add_store_options(create_user);
  std::string email, password_file, role = "buyer", name;
  create_user->add_option("--email", email, "E-mail address")->required();
  create_user->add_option("--password-file", password_file, "File holding the password")->required();
  create_user->add_option("--role", role, "admin, seller or buyer")->check(CLI::IsMember({"admin", "seller", "buyer"}));
  create_user->add_option("--name", name, "Display name (default: the part of the e-mail before @)");
  auto* reset_password = admin->add_subcommand(
      "reset-password",
      "Print a one-time password reset code for a member (valid 24 hours; the member enters it at "
      "/reset-password), or set the password from --password-file; the member's sessions end");
  add_store_options(reset_password);
  std::string reset_email, reset_password_file;
  reset_password->add_option("--email", reset_email, "The member's e-mail address")->required();
  reset_password->add_option("--password-file", reset_password_file,
                             "Set this file's password directly instead of printing a code");

  auto* backup =
      cli.add_subcommand("backup", "Write the store and its media files to a new folder DIR (while serving)");
  add_store_options(backup);
  std::string backup_file;
  backup->add_option("DIR", backup_file, "Backup folder to create")->required();

  auto* restore = cli.add_subcommand("restore",
                                     "Replace the store with a backup folder (or an older single-file backup) and add "
                                     "its media files (stop the server first)");
  add_store_options(restore);
  std::string restore_file;
  restore->add_option("BACKUP", restore_file, "Backup folder (or file) to restore")->required();

  CLI11_PARSE(cli, argc, argv);

  try {
    if (!config_file.empty()) manmulsang::app::LoadConfigFile(config_file, config);
    if (!data_directory.empty()) config.data_directory = data_directory;
    if (!database_url.empty()) config.database_url = database_url;
    if (!replica_urls.empty()) config.replica_urls = replica_urls;
    if (!listen.empty()) config.listen = listen;
    if (threads != 0) config.threads = threads;
    if (request_timeout != 0) config.request_timeout = std::chrono::seconds(request_timeout);
    if (password_threads != 0) config.password_threads = password_threads;
    if (password_queue >= 0) config.password_queue = static_cast<std::size_t>(password_queue);
    if (jobs_interval != 0) config.jobs_interval = std::chrono::seconds(jobs_interval);
    if (no_access_log) config.access_log = false;
    if (trust_proxy) config.trust_proxy_headers = true;

    if (serve->parsed()) return manmulsang::app::ServeCommand(config);
    if (demo->parsed()) return manmulsang::app::DemoCommand(config, products, seed, if_empty);
    if (migrate->parsed()) return manmulsang::app::MigrateCommand(config);
    if (reset_password->parsed()) {
      return manmulsang::app::ResetPasswordCommand(config, reset_email, reset_password_file);
    }
    if (create_user->parsed()) {
      return manmulsang::app::CreateUserCommand(config, email, password_file, role, name);
    }
    if (backup->parsed()) return manmulsang::app::BackupCommand(config, backup_file);
    if (restore->parsed()) return manmulsang::app::RestoreCommand(config, restore_file);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "manmulsang: %s\n", error.what());
    return 1;
  }
  return 2;
}
