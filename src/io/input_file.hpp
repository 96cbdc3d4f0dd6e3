// Input files are checked before anything opens them: a directory, a FIFO, a device or a symlink loop is refused
// with a message naming the path and the reason (a FIFO would block open() for ever, /dev/zero never ends).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace sitmap {

// True for a path on the local file system; false for what GDAL resolves itself: /vsi… paths, URLs
// (http://, s3://) and connection strings (PG:…, WFS:…). Only local paths are checked or joined to folders.
bool isLocalFilePath(const std::string& path);
// What GDAL is given for a path: http(s):// through /vsicurl/ (read lazily by ranges; a plain URL would make
// GDAL download the whole file, again for every open), s3:// and gs:// through /vsis3/ and /vsigs/; anything
// else unchanged.
std::string gdalPathOf(const std::string& path);
// A connection string (PG:…, WFS:…): a source GDAL reaches through a driver, not a file or a URL.
bool isConnectionString(const std::string& path);
// The path's extension in lower case (".gpx" for TRACK.GPX): what kind detection compares.
std::string lowerExtension(const std::string& path);
// A local path that exists, is a regular file (after symlinks) and can be read; other paths pass unchecked.
Status checkInputFile(const std::string& path);
// The whole file, refused past `maxBytes` (a scene or a waypoint table is small; a runaway read is not).
Result<std::string> readInputFile(const std::string& path, uint64_t maxBytes);

}  // namespace sitmap
