/* Prints primes, factorials modulo 2^32, divisions and 64-bit products, then exits with 7. */
#include "linux.h"

static volatile int divisors[] = {7, -7, 3, -3, 1, -1, 0x7fffffff};

int main(void) {
  print("primes:");
  for (int n = 2; n < 120; n++) {
    int prime = 1;
    for (int d = 2; d * d <= n; d++) {
      if (n % d == 0) {
        prime = 0;
        break;
      }
    }
    if (prime) {
      print(" ");
      print_int(n);
    }
  }
  print("\n");

  unsigned int factorial = 1;
  for (unsigned int n = 1; n <= 20; n++) {
    factorial *= n;
    print_int((long)n);
    print("! mod 2^32 = ");
    print_hex(factorial);
    print("\n");
  }

  int dividends[] = {100, -100, 2147483647, -2147483647 - 1, 0};
  for (int i = 0; i < 5; i++) {
    for (int j = 0; j < 7; j++) {
      int a = dividends[i];
      int b = divisors[j];
      print_int(a);
      print(" / ");
      print_int(b);
      print(" = ");
      print_int(b == -1 ? -(long)(unsigned)a : a / b);
      print(" rem ");
      print_int(b == -1 ? 0 : a % b);
      print(" unsigned ");
      print_hex((unsigned)a / (unsigned)b);
      print(" ");
      print_hex((unsigned)a % (unsigned)b);
      print("\n");
    }
  }

  unsigned long long p = 1;
  for (int i = 0; i < 12; i++) {
    p = p * 0x9e3779b97f4a7c15ull + (unsigned)i;
    long long s = (long long)(int)p * (long long)(int)(p >> 32);
    print_hex((unsigned long)(p >> 32));
    print_hex((unsigned long)p);
    print(" ");
    print_hex((unsigned long)((unsigned long long)s >> 32));
    print_hex((unsigned long)s);
    print("\n");
  }
  return 7;
}
