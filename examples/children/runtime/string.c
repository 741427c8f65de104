/*
 * Freestanding string functions. The loops must not be turned back into calls to memset or
 * memcpy by the optimiser, which would recurse, hence the optimize attribute.
 */
#include "crspec.h"

#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

NO_LIBCALLS size_t strlen(const char *text)
{
	const char *end = text;

	while (*end)
		end++;
	return (size_t)(end - text);
}

NO_LIBCALLS int strcmp(const char *left, const char *right)
{
	while (*left && *left == *right) {
		left++;
		right++;
	}
	return (int)(unsigned char)*left - (int)(unsigned char)*right;
}

NO_LIBCALLS void *memcpy(void *destination, const void *source, size_t size)
{
	unsigned char *to = destination;
	const unsigned char *from = source;

	/* word copy when both pointers share the alignment */
	if ((((uintptr_t)to ^ (uintptr_t)from) & 3) == 0) {
		while (size && ((uintptr_t)to & 3)) {
			*to++ = *from++;
			size--;
		}
		while (size >= 4) {
			*(uint32_t *)(void *)to = *(const uint32_t *)(const void *)from;
			to += 4;
			from += 4;
			size -= 4;
		}
	}
	while (size--)
		*to++ = *from++;
	return destination;
}

NO_LIBCALLS void *memmove(void *destination, const void *source, size_t size)
{
	unsigned char *to = destination;
	const unsigned char *from = source;

	if (to <= from || to >= from + size)
		return memcpy(destination, source, size);
	while (size--)
		to[size] = from[size];
	return destination;
}

NO_LIBCALLS void *memset(void *destination, int value, size_t size)
{
	unsigned char *to = destination;
	uint32_t pattern = (unsigned char)value * 0x01010101u;

	while (size && ((uintptr_t)to & 3)) {
		*to++ = (unsigned char)value;
		size--;
	}
	while (size >= 4) {
		*(uint32_t *)(void *)to = pattern;
		to += 4;
		size -= 4;
	}
	while (size--)
		*to++ = (unsigned char)value;
	return destination;
}

NO_LIBCALLS int memcmp(const void *left, const void *right, size_t size)
{
	const unsigned char *a = left;
	const unsigned char *b = right;

	for (size_t i = 0; i < size; i++) {
		if (a[i] != b[i])
			return (int)a[i] - (int)b[i];
	}
	return 0;
}
