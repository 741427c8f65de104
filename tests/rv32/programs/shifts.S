/* Checks sll, srl, sra and their immediate forms, including shift amounts of 31 and above. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "shifts.S"
#include "selfcheck.h"

CHECK_BEGIN

  TEST_RR sll, 0x00000001, 1, 0
  TEST_RR sll, 0x00000080, 1, 7
  TEST_RR sll, 0x80000000, 1, 31
  TEST_RR sll, 0x21212121, 0x21212121, 32
  TEST_RR sll, 0x42424242, 0x21212121, 33
  TEST_RR sll, 0x80000000, 0x21212121, -1
  TEST_RR sll, 0x90909080, 0x21212121, 0xffffffe7

  TEST_RR srl, 0x80000000, 0x80000000, 0
  TEST_RR srl, 0x01000000, 0x80000000, 7
  TEST_RR srl, 0x00000001, 0x80000000, 31
  TEST_RR srl, 0x00000001, 0xffffffff, 31
  TEST_RR srl, 0x7fffffff, 0xffffffff, 33
  TEST_RR srl, 0x00000001, 0xffffffff, -1

  TEST_RR sra, 0x80000000, 0x80000000, 0
  TEST_RR sra, 0xff000000, 0x80000000, 7
  TEST_RR sra, 0xffffffff, 0x80000000, 31
  TEST_RR sra, 0x3fffffff, 0x7fffffff, 33
  TEST_RR sra, 0x00000000, 0x7fffffff, -1
  TEST_RR sra, 0xffffffff, 0x81818181, -1
  TEST_RR sra, 0xc0c0c0c0, 0x81818181, 0x21

  TEST_RI slli, 0x00000001, 1, 0
  TEST_RI slli, 0x00004000, 1, 14
  TEST_RI slli, 0x80000000, 1, 31
  TEST_RI slli, 0x90909080, 0x21212121, 7
  TEST_RI srli, 0x00020000, 0x80000000, 14
  TEST_RI srli, 0x00000001, 0x80000000, 31
  TEST_RI srli, 0x7fffffff, 0xffffffff, 1
  TEST_RI srai, 0xfffe0000, 0x80000000, 14
  TEST_RI srai, 0xffffffff, 0x80000000, 31
  TEST_RI srai, 0x3fffffff, 0x7fffffff, 1
  TEST_RI srai, 0x00000000, 0x7fffffff, 31
  TEST_RI srai, 0xff030303, 0x81818181, 7

CHECK_END shifts
