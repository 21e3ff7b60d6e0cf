#include "ratio.h"

double ratio_percent(size_t in, unsigned long out) {
    return in == 0 ? 0.0 : 100.0 * (double)out / (double)in;
}
