/* Checks loads and stores of every width: sign and zero extension, offsets, little-endian order. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "loadstore.S"
#include "selfcheck.h"

  .data
  .balign 4
pattern:
  .word 0x8281807f, 0x04030201, 0xfedcba98
buffer:
  .word 0, 0, 0, 0

CHECK_BEGIN

  la a3, pattern
  lb a5, 0(a3)
  CHECK a5, 0x7f, "lb 0x7f"
  lb a5, 1(a3)
  CHECK a5, 0xffffff80, "lb 0x80 sign-extends"
  lb a5, 3(a3)
  CHECK a5, 0xffffff82, "lb 0x82 sign-extends"
  lbu a5, 1(a3)
  CHECK a5, 0x80, "lbu 0x80 zero-extends"
  lbu a5, 3(a3)
  CHECK a5, 0x82, "lbu 0x82"
  lh a5, 0(a3)
  CHECK a5, 0xffff807f, "lh 0x807f sign-extends"
  lh a5, 4(a3)
  CHECK a5, 0x0201, "lh 0x0201"
  lh a5, 2(a3)
  CHECK a5, 0xffff8281, "lh at offset 2"
  lhu a5, 0(a3)
  CHECK a5, 0x807f, "lhu 0x807f zero-extends"
  lhu a5, 10(a3)
  CHECK a5, 0xfedc, "lhu at offset 10"
  lw a5, 0(a3)
  CHECK a5, 0x8281807f, "lw pattern"
  lw a5, 8(a3)
  CHECK a5, 0xfedcba98, "lw pattern + 8"
  addi a4, a3, 8
  lw a5, -4(a4)
  CHECK a5, 0x04030201, "lw with a negative offset"
  lbu a5, -1(a4)
  CHECK a5, 0x04, "lbu with a negative offset"

  /* Stores write only their width, in little-endian order. */
  la a3, buffer
  li a4, 0x11223344
  sw a4, 0(a3)
  lw a5, 0(a3)
  CHECK a5, 0x11223344, "sw then lw"
  lbu a5, 0(a3)
  CHECK a5, 0x44, "sw stores the low byte first"
  li a4, 0xaabbccdd
  sb a4, 1(a3)
  lw a5, 0(a3)
  CHECK a5, 0x1122dd44, "sb replaces one byte"
  sh a4, 2(a3)
  lw a5, 0(a3)
  CHECK a5, 0xccdddd44, "sh replaces two bytes"
  sh a4, 4(a3)
  lw a5, 4(a3)
  CHECK a5, 0x0000ccdd, "sh into a zero word"
  sb a4, 11(a3)
  lw a5, 8(a3)
  CHECK a5, 0xdd000000, "sb into the top byte"
  lb a5, 11(a3)
  CHECK a5, 0xffffffdd, "lb of a stored byte sign-extends"
  addi a4, a3, 16
  li a5, -2
  sw a5, -4(a4)
  lw a5, 12(a3)
  CHECK a5, 0xfffffffe, "sw with a negative offset"

  /* A load into x0 is discarded. */
  lw x0, 0(a3)
  mv a5, x0
  CHECK a5, 0, "lw x0 keeps x0 at 0"

  /* The stack is writable. */
  addi sp, sp, -16
  li a4, 0x5a5a5a5a
  sw a4, 12(sp)
  lw a5, 12(sp)
  addi sp, sp, 16
  CHECK a5, 0x5a5a5a5a, "sw and lw on the stack"

CHECK_END loadstore
