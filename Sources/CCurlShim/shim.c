#include "CCurlShim.h"

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/// A growable byte buffer; `bytes` is NUL-terminated when not NULL.
struct buffer {
  char *bytes;
  size_t length;
  size_t capacity;
};

struct celigo_transfer {
  CURL *easy;
  struct curl_slist *headers;
  struct buffer body;
  struct buffer response_headers;
  uint64_t last_activity;
  size_t max_body_length;
  int body_too_large;
  char error[CURL_ERROR_SIZE];
};

uint64_t celigo_monotonic_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

/// Appends bytes; returns 0 when memory runs out.
static int buffer_append(struct buffer *buffer, const char *bytes,
                         size_t length) {
  if (buffer->length + length + 1 > buffer->capacity) {
    size_t capacity = buffer->capacity ? buffer->capacity : 4096;
    while (capacity < buffer->length + length + 1) capacity *= 2;
    char *grown = realloc(buffer->bytes, capacity);
    if (!grown) return 0;
    buffer->bytes = grown;
    buffer->capacity = capacity;
  }
  memcpy(buffer->bytes + buffer->length, bytes, length);
  buffer->length += length;
  buffer->bytes[buffer->length] = '\0';
  return 1;
}

static size_t receive_body(char *bytes, size_t size, size_t count,
                           void *user) {
  celigo_transfer *transfer = user;
  transfer->last_activity = celigo_monotonic_now();
  size_t length = size * count;
  /* A short count makes libcurl fail the transfer with CURLE_WRITE_ERROR. */
  if (length > transfer->max_body_length - transfer->body.length) {
    transfer->body_too_large = 1;
    return 0;
  }
  return buffer_append(&transfer->body, bytes, length) ? length : 0;
}

static size_t receive_header(char *bytes, size_t size, size_t count,
                             void *user) {
  celigo_transfer *transfer = user;
  transfer->last_activity = celigo_monotonic_now();
  size_t length = size * count;
  /* A status line starts a new response: drop the headers of an interim
     one such as 100 Continue. */
  if (length >= 5 && memcmp(bytes, "HTTP/", 5) == 0) {
    transfer->response_headers.length = 0;
  }
  return buffer_append(&transfer->response_headers, bytes, length) ? length
                                                                    : 0;
}

celigo_transfer *celigo_transfer_create(const char *method, const char *url,
                                        const char *const *headers,
                                        size_t header_count,
                                        const void *body, size_t body_length,
                                        const celigo_transfer_options *options) {
  celigo_transfer *transfer = calloc(1, sizeof *transfer);
  if (!transfer) return NULL;
  transfer->easy = curl_easy_init();
  if (!transfer->easy) {
    free(transfer);
    return NULL;
  }
  transfer->last_activity = celigo_monotonic_now();
  transfer->max_body_length = options->max_body_length;
  CURL *easy = transfer->easy;

  for (size_t i = 0; i < header_count; i++) {
    struct curl_slist *appended = curl_slist_append(transfer->headers, headers[i]);
    if (!appended) {
      celigo_transfer_free(transfer);
      return NULL;
    }
    transfer->headers = appended;
  }

  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options->user_agent);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, receive_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, receive_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer);
  /* Signals would reach other threads of the process. */
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options->connect_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  if (options->fresh_connection) curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
  /* An empty proxy string turns off the proxy of http_proxy and the like. */
  if (options->bypass_proxy) curl_easy_setopt(easy, CURLOPT_PROXY, "");
  if (options->ca_file) curl_easy_setopt(easy, CURLOPT_CAINFO, options->ca_file);
  if (options->ca_path) curl_easy_setopt(easy, CURLOPT_CAPATH, options->ca_path);

  if (strcmp(method, "GET") == 0) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (strcmp(method, "HEAD") == 0) {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method);
  }
  if (body) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
    curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, body);
  }
  return transfer;
}

void celigo_transfer_free(celigo_transfer *transfer) {
  if (!transfer) return;
  curl_easy_cleanup(transfer->easy);
  curl_slist_free_all(transfer->headers);
  free(transfer->body.bytes);
  free(transfer->response_headers.bytes);
  free(transfer);
}

void *celigo_transfer_handle(celigo_transfer *transfer) {
  return transfer->easy;
}

const uint8_t *celigo_transfer_body(const celigo_transfer *transfer,
                                    size_t *length) {
  *length = transfer->body.length;
  return (const uint8_t *)transfer->body.bytes;
}

const char *celigo_transfer_headers(const celigo_transfer *transfer,
                                    size_t *length) {
  *length = transfer->response_headers.length;
  return transfer->response_headers.bytes;
}

uint64_t celigo_transfer_last_activity(const celigo_transfer *transfer) {
  return transfer->last_activity;
}

long celigo_transfer_status(celigo_transfer *transfer) {
  long status = 0;
  curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
  return status;
}

int celigo_transfer_body_too_large(const celigo_transfer *transfer) {
  return transfer->body_too_large;
}

long celigo_transfer_request_size(celigo_transfer *transfer) {
  long size = 0;
  curl_easy_getinfo(transfer->easy, CURLINFO_REQUEST_SIZE, &size);
  return size;
}

const char *celigo_transfer_error(const celigo_transfer *transfer) {
  return transfer->error;
}

void *celigo_multi_create(long max_host_connections) {
  /* Thread-safe since libcurl 7.84, and counted, so a second call is
     harmless. */
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return NULL;
  CURLM *multi = curl_multi_init();
  if (multi) {
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max_host_connections);
  }
  return multi;
}
