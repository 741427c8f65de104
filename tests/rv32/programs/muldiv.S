/* Checks the M extension: mul, mulh, mulhsu, mulhu, div, divu, rem, remu and their edge cases. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "muldiv.S"
#include "selfcheck.h"

CHECK_BEGIN

  TEST_RR mul, 0, 0, 0
  TEST_RR mul, 42, 6, 7
  TEST_RR mul, -42, -6, 7
  TEST_RR mul, 42, -6, -7
  TEST_RR mul, 0x80000000, 0x80000000, 1
  TEST_RR mul, 0, 0x80000000, 2
  TEST_RR mul, 1, 0xffffffff, 0xffffffff
  TEST_RR mul, 0x34567800, 0x12345678, 0x100
  TEST_RR mul, 0x366176f8, 0x12345678, 0x9abcdef1

  TEST_RR mulh, 0, 6, 7
  TEST_RR mulh, 0xffffffff, -6, 7
  TEST_RR mulh, 0, -6, -7
  TEST_RR mulh, 0x40000000, 0x80000000, 0x80000000
  TEST_RR mulh, 0xc0000000, 0x80000000, 0x7fffffff
  TEST_RR mulh, 0x3fffffff, 0x7fffffff, 0x7fffffff
  TEST_RR mulh, 0, 0xffffffff, 0xffffffff
  TEST_RR mulh, 0xf8cc93d6, 0x12345678, 0x9abcdef1

  TEST_RR mulhu, 0, 6, 7
  TEST_RR mulhu, 6, -6, 7
  TEST_RR mulhu, 0xfffffffe, 0xffffffff, 0xffffffff
  TEST_RR mulhu, 0x40000000, 0x80000000, 0x80000000
  TEST_RR mulhu, 0x0b00ea4e, 0x12345678, 0x9abcdef1
  TEST_RR mulhu, 0x7fffffff, 0xffffffff, 0x80000000

  TEST_RR mulhsu, 0, 6, 7
  TEST_RR mulhsu, 0xffffffff, -6, 7
  TEST_RR mulhsu, 0xfffffffa, -6, 0xffffffff
  TEST_RR mulhsu, 0xc0000000, 0x80000000, 0x80000000
  TEST_RR mulhsu, 0x80000000, 0x80000000, 0xffffffff
  TEST_RR mulhsu, 0x7ffffffe, 0x7fffffff, 0xffffffff
  TEST_RR mulhsu, 0xffffffff, 0xffffffff, 0xffffffff
  TEST_RR mulhsu, 0x0b00ea4e, 0x12345678, 0x9abcdef1

  TEST_RR div, 3, 20, 6
  TEST_RR div, -3, -20, 6
  TEST_RR div, -3, 20, -6
  TEST_RR div, 3, -20, -6
  TEST_RR div, 0, 5, 7
  TEST_RR div, -1, 5, 0
  TEST_RR div, -1, 0, 0
  TEST_RR div, 0x80000000, 0x80000000, -1
  TEST_RR div, 0x80000000, 0x80000000, 1
  TEST_RR div, 0x7fffffff, 0x7fffffff, 1
  TEST_RR div, 0xc0000000, 0x80000000, 2

  TEST_RR divu, 3, 20, 6
  TEST_RR divu, 0x2aaaaaa7, -20, 6
  TEST_RR divu, 0, 20, -6
  TEST_RR divu, 0xffffffff, 5, 0
  TEST_RR divu, 0xffffffff, 0, 0
  TEST_RR divu, 0, 0x80000000, -1
  TEST_RR divu, 1, 0xffffffff, 0xffffffff
  TEST_RR divu, 0x40000000, 0x80000000, 2

  TEST_RR rem, 2, 20, 6
  TEST_RR rem, -2, -20, 6
  TEST_RR rem, 2, 20, -6
  TEST_RR rem, -2, -20, -6
  TEST_RR rem, 5, 5, 0
  TEST_RR rem, -5, -5, 0
  TEST_RR rem, 0, 0x80000000, -1
  TEST_RR rem, 0, 0x80000000, 1
  TEST_RR rem, 0xffffffff, 0x80000000, 0x7fffffff

  TEST_RR remu, 2, 20, 6
  TEST_RR remu, 2, -20, 6
  TEST_RR remu, 20, 20, -6
  TEST_RR remu, 5, 5, 0
  TEST_RR remu, 0xffffffff, -1, 0
  TEST_RR remu, 0x7fffffff, 0x7fffffff, 0x80000000
  TEST_RR remu, 0, 0xffffffff, 0xffffffff

CHECK_END muldiv
