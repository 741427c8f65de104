/*
 * Startup code and system calls for the freestanding C test programs: a Linux user-mode
 * process on RV32 (write = 64, exit = 93), as qemu-riscv32 and tests/rv32/_linux_runner.ts
 * provide it.
 */
#ifndef LINUX_H
#define LINUX_H

int main(void);

/* _start sets gp, calls main with the stack Linux set up, and exits with main's result. */
__asm__(
    ".section .text._start\n"
    ".global _start\n"
    "_start:\n"
    ".option push\n"
    ".option norelax\n"
    "  la gp, __global_pointer$\n"
    ".option pop\n"
    "  andi sp, sp, -16\n"
    "  call main\n"
    "  li a7, 93\n"
    "  ecall\n"
    "  ebreak\n");

static inline long sys_write(int fd, const void *buffer, unsigned long count) {
  register long a0 __asm__("a0") = fd;
  register long a1 __asm__("a1") = (long)buffer;
  register long a2 __asm__("a2") = (long)count;
  register long a7 __asm__("a7") = 64;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  return a0;
}

static unsigned long string_length(const char *s) {
  unsigned long n = 0;
  while (s[n] != 0) n++;
  return n;
}

static void print(const char *s) { sys_write(1, s, string_length(s)); }

/* Prints `value` in decimal; negative values get a minus sign. */
static void print_int(long value) {
  char digits[12];
  int at = sizeof digits;
  unsigned long magnitude = value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
  do {
    digits[--at] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) digits[--at] = '-';
  sys_write(1, digits + at, sizeof digits - at);
}

/* Prints `value` as eight hexadecimal digits. */
static void print_hex(unsigned long value) {
  char digits[8];
  for (int i = 7; i >= 0; i--) {
    digits[i] = "0123456789abcdef"[value & 15];
    value >>= 4;
  }
  sys_write(1, digits, sizeof digits);
}

#endif
