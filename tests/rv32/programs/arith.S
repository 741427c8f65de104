/* Checks add, sub, the logic operations, their immediate forms and writes to x0. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "arith.S"
#include "selfcheck.h"

CHECK_BEGIN

  TEST_RR add, 5, 2, 3
  TEST_RR add, 0, -1, 1
  TEST_RR add, 0x80000000, 0x7fffffff, 1
  TEST_RR add, 0xfffffffe, 0xffffffff, 0xffffffff
  TEST_RR add, 0, 0x80000000, 0x80000000
  TEST_RR sub, -1, 2, 3
  TEST_RR sub, 0x7fffffff, 0x80000000, 1
  TEST_RR sub, 0x80000000, 0, 0x80000000
  TEST_RR sub, 0, 0x12345678, 0x12345678
  TEST_RR xor, 0xfff0fff0, 0x00ff00ff, 0xff0fff0f
  TEST_RR xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f
  TEST_RR or, 0xff0fff0f, 0xff00ff00, 0x0f0f0f0f
  TEST_RR and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f
  TEST_RR and, 0, 0xaaaaaaaa, 0x55555555
  TEST_RR or, -1, 0xaaaaaaaa, 0x55555555

  TEST_RI addi, 5, 2, 3
  TEST_RI addi, 0, 1, -1
  TEST_RI addi, 0x800007fe, 0x7fffffff, 2047
  TEST_RI addi, 0x7ffff800, 0x80000000, -2048
  TEST_RI addi, 0xfffff801, 1, -2048
  TEST_RI xori, 0xff00f80f, 0xff00ff00, 0x70f
  TEST_RI xori, 0x00ff00f0, 0xff00ff0f, -1
  TEST_RI ori, 0xff00ff0f, 0xff00ff00, 0x00f
  TEST_RI ori, -1, 0x12345678, -2048 + 0x7ff
  TEST_RI andi, 0x00000700, 0xff00ff00, 0x70f
  TEST_RI andi, 0xff00f800, 0xff00ff00, -2048

  /* Writes to x0 are discarded, and x0 reads as 0. */
  li a3, 123
  add x0, a3, a3
  mv a5, x0
  CHECK a5, 0, "add x0 keeps x0 at 0"
  addi x0, x0, 5
  addi a5, x0, 0
  CHECK a5, 0, "addi x0 keeps x0 at 0"
  lui x0, 0x12345
  or a5, x0, x0
  CHECK a5, 0, "lui x0 keeps x0 at 0"

  /* Source and destination may be the same register. */
  li a5, 21
  add a5, a5, a5
  CHECK a5, 42, "add a5, a5, a5"
  li a5, 7
  sub a5, a5, a5
  CHECK a5, 0, "sub a5, a5, a5"

CHECK_END arith
