#ifndef CELIGO_EDITLINE_SHIM_H
#define CELIGO_EDITLINE_SHIM_H
#include <histedit.h>
#endif
