#ifndef ECCA_CZ3_SHIM_H
#define ECCA_CZ3_SHIM_H
#include <z3.h>
#endif
