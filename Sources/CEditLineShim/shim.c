#include "CEditLineShim.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

EditLine *celigo_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

int celigo_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

int celigo_el_set_signal(EditLine *el, int handle) {
  return el_set(el, EL_SIGNAL, handle);
}

char *celigo_empty_prompt(void) {
  static char empty[] = "";
  return empty;
}

int celigo_el_set_prompt(EditLine *el, celigo_prompt_function prompt,
                         char ignore) {
  return el_set(el, EL_PROMPT_ESC, prompt, ignore);
}

int celigo_el_set_history(EditLine *el, History *list) {
  return el_set(el, EL_HIST, history, list);
}

int celigo_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

void *celigo_el_client_data(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) {
    return NULL;
  }
  return data;
}

int celigo_el_add_function(EditLine *el, const char *name, const char *help,
                           celigo_command_function function) {
  return el_set(el, EL_ADDFN, name, help, function);
}

int celigo_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}

History *celigo_history_init(int size) {
  History *list = history_init();
  if (list == NULL) {
    return NULL;
  }
  HistEvent event;
  history(list, &event, H_SETSIZE, size);
  history(list, &event, H_SETUNIQUE, 1);
  return list;
}

int celigo_history_enter(History *list, const char *line) {
  HistEvent event;
  return history(list, &event, H_ENTER, line) < 0 ? -1 : 0;
}

/* The SIGINT handler writes one byte to a pipe. The reader polls the pipe
   next to the terminal, because the signal may be delivered to any thread
   and so cannot be relied on to interrupt the reader's own read(2). */
static int interrupt_pipe[2] = {-1, -1};
static struct sigaction previous_action;
static int installed = 0;

static void record_interrupt(int signal_number) {
  (void)signal_number;
  int saved_errno = errno;
  ssize_t ignored = write(interrupt_pipe[1], "i", 1);
  (void)ignored;
  errno = saved_errno;
}

int celigo_interrupt_install(void) {
  if (installed) {
    return 0;
  }
  if (pipe(interrupt_pipe) != 0) {
    return -1;
  }
  for (int i = 0; i < 2; i++) {
    fcntl(interrupt_pipe[i], F_SETFL, O_NONBLOCK);
    fcntl(interrupt_pipe[i], F_SETFD, FD_CLOEXEC);
  }

  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = record_interrupt;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGINT, &action, &previous_action) != 0) {
    int saved_errno = errno;
    close(interrupt_pipe[0]);
    close(interrupt_pipe[1]);
    errno = saved_errno;
    return -1;
  }
  installed = 1;

  /* A process started from a thread that blocks SIGINT (a libdispatch
     worker, for one) inherits that mask, and Ctrl-C would never arrive. */
  sigset_t interrupt_only;
  sigemptyset(&interrupt_only);
  sigaddset(&interrupt_only, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &interrupt_only, NULL);
  return 0;
}

void celigo_interrupt_uninstall(void) {
  if (!installed) {
    return;
  }
  sigaction(SIGINT, &previous_action, NULL);
  close(interrupt_pipe[0]);
  close(interrupt_pipe[1]);
  interrupt_pipe[0] = -1;
  interrupt_pipe[1] = -1;
  installed = 0;
}

int celigo_interrupt_take(void) {
  if (!installed) {
    return 0;
  }
  char buffer[64];
  int seen = 0;
  while (read(interrupt_pipe[0], buffer, sizeof(buffer)) > 0) {
    seen = 1;
  }
  return seen;
}

/* Any thread posts one byte to the wake pipe, and the reader, waiting for
   a key inside el_gets, calls the wake handler on its own thread: the only
   thread where libedit's state may be touched. */
static int wake_pipe[2] = {-1, -1};
static celigo_wake_function wake_handler = NULL;

int celigo_wake_install(celigo_wake_function handler) {
  if (wake_pipe[0] < 0) {
    if (pipe(wake_pipe) != 0) {
      return -1;
    }
    for (int i = 0; i < 2; i++) {
      fcntl(wake_pipe[i], F_SETFL, O_NONBLOCK);
      fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
  }
  wake_handler = handler;
  return 0;
}

void celigo_wake_post(void) {
  if (wake_pipe[1] < 0) {
    return;
  }
  int saved_errno = errno;
  ssize_t ignored = write(wake_pipe[1], "w", 1);
  (void)ignored;
  errno = saved_errno;
}

int celigo_wake_take(void) {
  if (wake_pipe[0] < 0) {
    return 0;
  }
  char buffer[64];
  int seen = 0;
  while (read(wake_pipe[0], buffer, sizeof(buffer)) > 0) {
    seen = 1;
  }
  return seen;
}

int celigo_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

/* Waits until `fd` is readable. Returns 1 when it is, 0 when an interrupt
   came first, and -1 on error. A wake-up on the way calls the wake handler
   and waits on. */
static int wait_for_input(EditLine *el, int fd) {
  struct pollfd fds[3];
  nfds_t count = 0;
  fds[count].fd = fd;
  fds[count++].events = POLLIN;
  int interrupt_index = -1;
  if (installed) {
    interrupt_index = (int)count;
    fds[count].fd = interrupt_pipe[0];
    fds[count++].events = POLLIN;
  }
  int wake_index = -1;
  if (wake_pipe[0] >= 0 && wake_handler != NULL) {
    wake_index = (int)count;
    fds[count].fd = wake_pipe[0];
    fds[count++].events = POLLIN;
  }

  for (;;) {
    for (nfds_t i = 0; i < count; i++) {
      fds[i].revents = 0;
    }
    if (poll(fds, count, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    if (interrupt_index >= 0 && (fds[interrupt_index].revents & POLLIN) &&
        celigo_interrupt_take()) {
      return 0;
    }
    if (wake_index >= 0 && (fds[wake_index].revents & POLLIN) &&
        celigo_wake_take()) {
      wake_handler(el);
    }
    if (fds[0].revents != 0) {
      return 1;
    }
  }
}

/* The terminal's interrupt (^C) and suspend (^Z) characters, read from
   the terminal before libedit switches it to raw mode. */
static cc_t interrupt_character = 0x03;
static cc_t suspend_character = 0x1A;

/* Set when celigo_read_char reports an interrupt. Some editor commands,
   such as the Ctrl-R search, turn a failed read into end of file, so
   el_gets alone cannot tell an interrupt from Ctrl-D. */
static volatile sig_atomic_t read_interrupted = 0;

int celigo_read_take_interrupt(void) {
  int interrupted = read_interrupted;
  read_interrupted = 0;
  return interrupted;
}

/* Reads one character in the locale's encoding, as libedit's own
   read_char does, but returns -1 with errno EINTR on an interrupt: a
   SIGINT, or the ^C character itself, because the editor turns off ISIG
   while a line is edited. */
static int celigo_read_char(EditLine *el, wchar_t *character) {
  int fd = STDIN_FILENO;
  char bytes[MB_LEN_MAX];
  size_t count = 0;
  *character = L'\0';

  for (;;) {
    int ready = wait_for_input(el, fd);
    if (ready == 0) {
      read_interrupted = 1;
      errno = EINTR;
      return -1;
    }
    if (ready < 0) {
      return -1;
    }

    ssize_t got = read(fd, &bytes[count], 1);
    if (got < 0) {
      if (errno == EINTR || errno == EAGAIN) {
        continue;
      }
      return -1;
    }
    if (got == 0) {
      return 0;
    }
    if (count == 0 && bytes[0] != _POSIX_VDISABLE) {
      if ((cc_t)bytes[0] == interrupt_character) {
        read_interrupted = 1;
        errno = EINTR;
        return -1;
      }
      if ((cc_t)bytes[0] == suspend_character) {
        /* What ISIG would do. With EL_SIGNAL, libedit's SIGTSTP handler
           restores the terminal first, and its SIGCONT handler redraws. */
        kill(0, SIGTSTP);
        continue;
      }
    }
    count += 1;

    mbstate_t state;
    memset(&state, 0, sizeof(state));
    size_t result = mbrtowc(character, bytes, count, &state);
    if (result == (size_t)-2 && count < MB_LEN_MAX) {
      continue;
    }
    if (result == (size_t)-1 || result == (size_t)-2) {
      /* An invalid or overlong sequence: drop it and read on. */
      count = 0;
      continue;
    }
    return 1;
  }
}

int celigo_el_use_interruptible_read(EditLine *el) {
  struct termios settings;
  if (tcgetattr(STDIN_FILENO, &settings) == 0) {
    interrupt_character = settings.c_cc[VINTR];
    suspend_character = settings.c_cc[VSUSP];
  }
  /* With ISIG off in edit mode, ^C arrives as a character in order with
     the keys around it. A signal would race with them, and libedit's own
     SIGINT handler switches the terminal to cooked mode, so keys typed
     right after ^C are echoed by the terminal into the old line. */
  if (el_set(el, EL_SETTY, "-d", "-isig", NULL) != 0) {
    return -1;
  }
  return el_set(el, EL_GETCFN, celigo_read_char);
}

int celigo_terminal_columns(int fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}
