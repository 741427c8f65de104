/* Computes CRC-32, Adler-32 and FNV-1a over generated data and prints them. */
#include "linux.h"

static unsigned char data[8192];
static unsigned int crc_table[256];

static void make_crc_table(void) {
  for (unsigned int n = 0; n < 256; n++) {
    unsigned int c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
}

static unsigned int crc32(const unsigned char *p, int n) {
  unsigned int c = 0xffffffffu;
  for (int i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static unsigned int adler32(const unsigned char *p, int n) {
  unsigned int a = 1, b = 0;
  for (int i = 0; i < n; i++) {
    a = (a + p[i]) % 65521u;
    b = (b + a) % 65521u;
  }
  return (b << 16) | a;
}

static unsigned int fnv1a(const unsigned char *p, int n) {
  unsigned int h = 2166136261u;
  for (int i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

int main(void) {
  make_crc_table();
  unsigned int x = 1;
  for (int i = 0; i < (int)sizeof data; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = (unsigned char)(x >> 24);
  }
  for (int n = 1; n <= (int)sizeof data; n *= 4) {
    print("n=");
    print_int(n);
    print(" crc32=");
    print_hex(crc32(data, n));
    print(" adler32=");
    print_hex(adler32(data, n));
    print(" fnv1a=");
    print_hex(fnv1a(data, n));
    print("\n");
  }
  return 0;
}
