# Builds and installs celigo and its completion scripts.
#   make build                      release binary at .build/release/celigo
#   make install PREFIX=/usr/local  binary and bash, zsh and fish completions
#   make test                       the test suite

PREFIX ?= /usr/local
BINARY ?= .build/release/celigo

.PHONY: build install test

build:
	swift build -c release --static-swift-stdlib --product celigo -Xlinker -z -Xlinker lazy -Xlinker -no-pie

$(BINARY):
	swift build -c release --static-swift-stdlib --product celigo -Xlinker -z -Xlinker lazy -Xlinker -no-pie

install: $(BINARY)
	install -d "$(DESTDIR)$(PREFIX)/bin" \
	  "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	  "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 0755 "$(BINARY)" "$(DESTDIR)$(PREFIX)/bin/celigo"
	install -m 0644 completions/celigo.bash "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/celigo"
	install -m 0644 completions/_celigo "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_celigo"
	install -m 0644 completions/celigo.fish "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/celigo.fish"

test:
	swift build && swift test
