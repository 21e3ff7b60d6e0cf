/* gzstat: report how well stdin (or a built-in sample) compresses with zlib. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ratio.h"

static const char sample[] = "the quick brown fox jumps over the lazy dog; the quick brown fox jumps again";

int main(int argc, char **argv) {
    const char *data = sample;
    size_t len = strlen(sample);
    char *buf = NULL;
    if (argc > 1 && strcmp(argv[1], "-") == 0) {
        size_t cap = 1 << 16;
        buf = malloc(cap);
        len = 0;
        size_t n;
        while (buf && (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
            len += n;
            if (len == cap) buf = realloc(buf, cap *= 2);
        }
        if (!buf) return 1;
        data = buf;
    }
    uLongf out_len = compressBound(len);
    Bytef *out = malloc(out_len);
    if (!out || compress2(out, &out_len, (const Bytef *)data, len, 9) != Z_OK) {
        fprintf(stderr, "gzstat: compression failed\n");
        return 1;
    }
    printf("gzstat zlib=%s uid=%d in=%zu out=%lu ratio=%.1f%%\n", zlibVersion(), (int)getuid(), len,
           (unsigned long)out_len, ratio_percent(len, out_len));
    free(out);
    free(buf);
    return 0;
}
