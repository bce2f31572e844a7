#ifndef CELIGO_CURL_SHIM_H
#define CELIGO_CURL_SHIM_H

#include <stddef.h>
#include <stdint.h>

/* One HTTP transfer on a libcurl easy handle, with its response collected
   in buffers that this shim owns. libcurl's setopt and getinfo are
   variadic, which Swift cannot call, so the options are set here. */

typedef struct celigo_transfer celigo_transfer;

/// The settings of one transfer besides its method, URL, headers and body.
typedef struct celigo_transfer_options {
  long connect_timeout_ms;
  /// 1 opens a new connection, so that libcurl never sends the request
  /// again on its own after a reused connection closes.
  int fresh_connection;
  /// 1 ignores proxy settings from the environment, for loopback hosts.
  int bypass_proxy;
  /// The largest body accepted; a longer one fails the transfer, and
  /// celigo_transfer_body_too_large then returns 1.
  size_t max_body_length;
  const char *user_agent;
  /// A CA bundle file and a CA directory for TLS; NULL keeps libcurl's.
  const char *ca_file;
  const char *ca_path;
} celigo_transfer_options;

/// Creates a transfer. `headers` contains `header_count` "Name: value"
/// lines; `body` may be NULL. libcurl copies every string and the body, so
/// the caller may free them once this returns. Returns NULL when libcurl
/// cannot create a handle.
celigo_transfer *celigo_transfer_create(const char *method, const char *url,
                                        const char *const *headers,
                                        size_t header_count,
                                        const void *body, size_t body_length,
                                        const celigo_transfer_options *options);

/// Frees the easy handle and the buffers. The transfer must not be in a
/// multi handle.
void celigo_transfer_free(celigo_transfer *transfer);

/// Returns the easy handle, for curl_multi_add_handle and CURLMsg matching.
void *celigo_transfer_handle(celigo_transfer *transfer);

/// Returns the response body received so far and stores its length.
const uint8_t *celigo_transfer_body(const celigo_transfer *transfer,
                                    size_t *length);

/// Returns the header lines of the last response received, from its status
/// line on, and stores their length. Earlier responses such as 100 Continue
/// are dropped.
const char *celigo_transfer_headers(const celigo_transfer *transfer,
                                    size_t *length);

/// Returns CLOCK_MONOTONIC nanoseconds of the last byte received, or of
/// the creation when nothing has arrived yet.
uint64_t celigo_transfer_last_activity(const celigo_transfer *transfer);

/// Returns the HTTP status of the last response, or 0 when none arrived.
long celigo_transfer_status(celigo_transfer *transfer);

/// Returns 1 when the body outgrew `max_body_length`, else 0.
int celigo_transfer_body_too_large(const celigo_transfer *transfer);

/// Returns the bytes of request sent so far; 0 means the request never
/// left, as when connecting or the TLS handshake failed.
long celigo_transfer_request_size(celigo_transfer *transfer);

/// Returns libcurl's detailed message for a failed transfer; may be empty.
const char *celigo_transfer_error(const celigo_transfer *transfer);

/// Returns CLOCK_MONOTONIC nanoseconds now.
uint64_t celigo_monotonic_now(void);

/// Initializes libcurl and creates a multi handle that opens at most
/// `max_host_connections` connections to one host, or any number for 0.
/// Returns NULL on failure.
/// Call it before any celigo_transfer_create.
void *celigo_multi_create(long max_host_connections);

#endif
