/* Checks jal and jalr: link values, offsets, jalr clearing bit 0, and rd = rs1. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "jumps.S"
#include "selfcheck.h"

CHECK_BEGIN

  /* jal links the address of the next instruction. */
  jal a5, 1f
jal_return:
  j 2f
1:
  la a4, jal_return
  sub a5, a5, a4
  CHECK a5, 0, "jal links pc + 4"
2:

  /* jal with rd = x0 does not link. */
  li a5, 5
  j 3f
  li a5, 6
3:
  CHECK a5, 5, "j skips an instruction"

  /* jalr adds the offset to rs1 and clears bit 0 of the target. */
  la a3, jalr_target - 8
  li a5, 0
  jalr a4, 8(a3)
jalr_return:
  li a5, 99
jalr_target:
  CHECK a5, 0, "jalr 8(a3) jumps over the li"
  la a3, jalr_return
  sub a4, a4, a3
  CHECK a4, 0, "jalr links pc + 4"

  la a3, odd_target + 1
  li a5, 0
  jalr x0, 0(a3)
  li a5, 1
odd_target:
  CHECK a5, 0, "jalr clears bit 0 of the target"

  la a3, negative_target + 4
  li a5, 0
  jalr x0, -4(a3)
  li a5, 1
negative_target:
  CHECK a5, 0, "jalr with a negative offset"

  /* rd = rs1: the target uses the old value of rs1. */
  la a3, same_target
  jalr a3, 0(a3)
same_return:
  li a5, 1
same_target:
  la a4, same_return
  sub a5, a3, a4
  CHECK a5, 0, "jalr a3, 0(a3) links after reading a3"

  /* A call and a return through ra, nested twice. */
  li a5, 0
  jal ra, add_ten_twice
  CHECK a5, 20, "call and return"

  /* A backward jal. */
  li a5, 0
  j 5f
4:
  addi a5, a5, 1
  j 6f
5:
  addi a5, a5, 10
  j 4b
6:
  CHECK a5, 11, "backward jal"

CHECK_END jumps

add_ten:
  addi a5, a5, 10
  ret

add_ten_twice:
  mv t0, ra
  jal ra, add_ten
  jal ra, add_ten
  jr t0
