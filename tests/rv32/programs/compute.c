/*
 * A compute-bound mix for the interpreter benchmark: CRC-32 over a buffer, a sieve of
 * Eratosthenes and an insertion sort, repeated, then one line with the combined result.
 * bench/interpreter_bench.ts runs the same computation in TypeScript as a baseline.
 */
#include "linux.h"

#define ROUNDS 100
#define DATA_SIZE 4096
#define SIEVE_SIZE 8192
#define SORT_COUNT 256

static unsigned char data[DATA_SIZE];
static unsigned int crc_table[256];
static unsigned char composite[SIEVE_SIZE];
static int values[SORT_COUNT];

int main(void) {
  for (unsigned int n = 0; n < 256; n++) {
    unsigned int c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[n] = c;
  }
  unsigned int x = 2463534242u;
  for (int i = 0; i < DATA_SIZE; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = (unsigned char)x;
  }

  unsigned int result = 0;
  for (int round = 0; round < ROUNDS; round++) {
    unsigned int crc = 0xffffffffu ^ (unsigned int)round;
    for (int i = 0; i < DATA_SIZE; i++) crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

    for (int i = 0; i < SIEVE_SIZE; i++) composite[i] = 0;
    unsigned int primes = 0;
    for (int i = 2; i < SIEVE_SIZE; i++) {
      if (composite[i]) continue;
      primes++;
      for (int j = i * 2; j < SIEVE_SIZE; j += i) composite[j] = 1;
    }

    for (int i = 0; i < SORT_COUNT; i++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      values[i] = (int)(x % 100000u);
    }
    for (int i = 1; i < SORT_COUNT; i++) {
      int v = values[i];
      int j = i - 1;
      while (j >= 0 && values[j] > v) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = v;
    }

    result = result * 31 + crc + primes * 7 + (unsigned int)values[SORT_COUNT / 2];
  }

  print("compute: ");
  print_hex(result);
  print("\n");
  return 0;
}
