#ifndef CELIGO_EDITLINE_SHIM_H
#define CELIGO_EDITLINE_SHIM_H

#include <histedit.h>

/* Non-variadic wrappers around libedit's variadic el_set, el_get and
   history, which Swift cannot call. Each returns libedit's result:
   0 on success, -1 on failure, unless its comment states otherwise. */

/// A prompt function as EL_PROMPT_ESC expects it.
typedef char *(*celigo_prompt_function)(EditLine *);

/// An editor command as EL_ADDFN expects it; returns a CC_* code.
typedef unsigned char (*celigo_command_function)(EditLine *, int);

/// Creates an editor on stdin, stdout and stderr.
EditLine *celigo_el_init(const char *program);

int celigo_el_set_editor(EditLine *el, const char *mode);
int celigo_el_set_signal(EditLine *el, int handle);
/// Returns a static empty string, for a prompt function with no prompt.
char *celigo_empty_prompt(void);
/// Sets the prompt; characters between two `ignore` bytes take no width.
int celigo_el_set_prompt(EditLine *el, celigo_prompt_function prompt,
                         char ignore);
int celigo_el_set_history(EditLine *el, History *list);
int celigo_el_set_client_data(EditLine *el, void *data);
/// Returns the pointer stored with EL_CLIENTDATA, or NULL.
void *celigo_el_client_data(EditLine *el);
int celigo_el_add_function(EditLine *el, const char *name, const char *help,
                           celigo_command_function function);
/// Binds `key` (in bind syntax, such as "^I") to the named command.
int celigo_el_bind(EditLine *el, const char *key, const char *command);
/// Makes the editor read through celigo_read_char, so that ^C or SIGINT
/// ends el_gets at once: it returns NULL, count -1 and errno EINTR. Turns
/// off ISIG while a line is edited, and sends SIGTSTP itself on ^Z.
int celigo_el_use_interruptible_read(EditLine *el);

/// Returns 1 if celigo_read_char reported an interrupt since the last
/// call, and clears it. Check it whenever el_gets returns NULL, because
/// inside a Ctrl-R search an interrupt makes el_gets report end of file.
int celigo_read_take_interrupt(void);

/// Creates a history list that keeps at most `size` entries and skips an
/// entry equal to the one before it.
History *celigo_history_init(int size);
int celigo_history_enter(History *list, const char *line);

/// Installs a SIGINT handler (SA_RESTART) that records the interrupt, and
/// returns 0, or -1 with errno set. Calling it again does nothing.
int celigo_interrupt_install(void);
/// Restores the SIGINT disposition found by celigo_interrupt_install.
void celigo_interrupt_uninstall(void);
/// Returns 1 if interrupts arrived since the last call, and clears them.
int celigo_interrupt_take(void);

/// A handler that celigo_read_char calls on the reading thread after
/// celigo_wake_post, with the editor that is reading.
typedef void (*celigo_wake_function)(EditLine *);

/// Creates the wake pipe on first use and sets the handler; returns 0, or
/// -1 with errno set.
int celigo_wake_install(celigo_wake_function handler);
/// Makes the reader call the wake handler while it waits for a key. Safe
/// from any thread and from a signal handler; does nothing before
/// celigo_wake_install.
void celigo_wake_post(void);
/// Returns 1 if wake-ups were posted since the last call, and clears them.
int celigo_wake_take(void);
/// Redraws the prompt and the line on the terminal row the cursor is on
/// (EL_REFRESH). Call it only on the thread that runs el_gets.
int celigo_el_refresh(EditLine *el);

/// Returns the width of the terminal on `fd` in columns, or 80.
int celigo_terminal_columns(int fd);

#endif
