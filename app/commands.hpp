#pragma once

#include <cstdint>
#include <string>

#include "config.hpp"

namespace manmulsang::app {

// Each returns the process exit code; failures are reported on stderr in plain words.
int ServeCommand(const Config& config);
int DemoCommand(const Config& config, std::int64_t products, std::uint64_t seed, bool if_empty);
int MigrateCommand(const Config& config);
int CreateUserCommand(const Config& config, const std::string& email, const std::string& password_file,
                      const std::string& role, const std::string& name);
// Without password_file: prints a fresh one-time reset code for the member (valid 24 hours, the
// member enters it at /reset-password); with it: sets the password from the file. Either way the
// member's sessions end at once.
int ResetPasswordCommand(const Config& config, const std::string& email, const std::string& password_file);
// backup.cpp: the store and the media files, as one folder, and back.
int BackupCommand(const Config& config, const std::string& folder);
int RestoreCommand(const Config& config, const std::string& backup);

}  // namespace manmulsang::app
