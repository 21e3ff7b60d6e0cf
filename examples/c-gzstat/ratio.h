#ifndef RATIO_H
#define RATIO_H
#include <stddef.h>
double ratio_percent(size_t in, unsigned long out);
#endif
