/* Checks slt, sltu, slti, sltiu and the six conditional branches, signed and unsigned. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "compares.S"
#include "selfcheck.h"

CHECK_BEGIN

  TEST_RR slt, 0, 0, 0
  TEST_RR slt, 1, -1, 0
  TEST_RR slt, 0, 0, -1
  TEST_RR slt, 1, 0x80000000, 0x7fffffff
  TEST_RR slt, 0, 0x7fffffff, 0x80000000
  TEST_RR sltu, 0, -1, 0
  TEST_RR sltu, 1, 0, -1
  TEST_RR sltu, 0, 0x80000000, 0x7fffffff
  TEST_RR sltu, 1, 0x7fffffff, 0x80000000
  TEST_RR sltu, 0, 5, 5
  TEST_RI slti, 1, -5, -4
  TEST_RI slti, 0, -4, -4
  TEST_RI slti, 1, 0x80000000, -2048
  TEST_RI slti, 0, 0x7fffffff, 2047
  TEST_RI sltiu, 1, 0, 1
  TEST_RI sltiu, 1, 0x7fffffff, -1
  TEST_RI sltiu, 0, 0xffffffff, -1
  TEST_RI sltiu, 1, 0xfffff7ff, -2048
  TEST_RI sltiu, 0, 0xfffff800, -2048

  /* sltu with rs1 = x0 tests for a non-zero value. */
  li a3, 9
  sltu a5, x0, a3
  CHECK a5, 1, "snez 9"

  TEST_BRANCH beq, 1, 7, 7
  TEST_BRANCH beq, 0, 7, 8
  TEST_BRANCH beq, 0, 0x80000000, 0
  TEST_BRANCH bne, 0, 7, 7
  TEST_BRANCH bne, 1, 7, 8
  TEST_BRANCH bne, 1, 0xffffffff, 0x7fffffff
  TEST_BRANCH blt, 1, -1, 0
  TEST_BRANCH blt, 0, 0, -1
  TEST_BRANCH blt, 0, 3, 3
  TEST_BRANCH blt, 1, 0x80000000, 0x7fffffff
  TEST_BRANCH bge, 0, -1, 0
  TEST_BRANCH bge, 1, 0, -1
  TEST_BRANCH bge, 1, 3, 3
  TEST_BRANCH bge, 0, 0x80000000, 0x7fffffff
  TEST_BRANCH bltu, 0, -1, 0
  TEST_BRANCH bltu, 1, 0, -1
  TEST_BRANCH bltu, 0, 3, 3
  TEST_BRANCH bltu, 0, 0x80000000, 0x7fffffff
  TEST_BRANCH bgeu, 1, -1, 0
  TEST_BRANCH bgeu, 0, 0, -1
  TEST_BRANCH bgeu, 1, 3, 3
  TEST_BRANCH bgeu, 1, 0x80000000, 0x7fffffff

  /* A backward branch: count down from 10. */
  li a3, 10
  li a5, 0
1:
  addi a5, a5, 3
  addi a3, a3, -1
  bnez a3, 1b
  CHECK a5, 30, "backward bnez loop"

CHECK_END compares
