/* fuzz_csv.c - libFuzzer harness for the tracker's CSV reader: the first
 * byte of the input picks the reader's options (block size from 1 byte,
 * small field and record limits, UTF-8 checking, reading a header), the
 * rest is the file.  Every record is read to the end, every field goes
 * through csv_parse_number and csv_parse_date, every error through
 * csv_describe_error. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned mode = data[0];
    data++;
    size--;
    static const size_t blocks[] = {1, 2, 3, 7, 16, 64, 4096, 0};
    csv_options opt = {0};
    opt.block_size = blocks[mode & 7];
    opt.max_field = (mode & 8) ? 16 : 0;
    opt.max_fields = (mode & 16) ? 4 : 0;
    opt.check_utf8 = (mode & 32) != 0;
    csv_error err;
    csv_reader *r = csv_open_memory(data, size, &opt, &err);
    if (!r)
        return 0;
    char msg[256];
    if (mode & 64) {
        int st = csv_read_header(r);
        if (st == CSV_ERROR)
            csv_describe_error(csv_last_error(r), msg, sizeof msg);
        size_t nh;
        const csv_field *h = csv_header(r, &nh);
        for (size_t i = 0; h && i < nh; i++)
            if (csv_find_column(r, h[i].ptr) < 0)
                __builtin_trap(); /* a header name must be found again */
        csv_find_column(r, "indicator");
    }
    csv_record rec;
    int st;
    long records = 0;
    while ((st = csv_next(r, &rec)) != CSV_END) {
        if (st == CSV_ERROR) {
            const csv_error *e = csv_last_error(r);
            int n = csv_describe_error(e, msg, sizeof msg);
            if (n <= 0)
                __builtin_trap(); /* every error has a sentence */
            continue;
        }
        if (rec.count < 1 || rec.line < 1)
            __builtin_trap();
        for (size_t i = 0; i < rec.count; i++) {
            const csv_field *f = &rec.fields[i];
            if (strlen(f->ptr) != f->len)
                __builtin_trap(); /* fields are NUL-terminated, NUL-free */
            double v;
            int32_t day;
            enum csv_value_error ve = csv_parse_number(f->ptr, f->len, &v);
            csv_value_strerror(ve);
            ve = csv_parse_date(f->ptr, f->len, &day);
            csv_value_strerror(ve);
        }
        if (++records > (long)size + 1)
            __builtin_trap(); /* more records than bytes: a loop */
    }
    csv_close(r);
    return 0;
}
