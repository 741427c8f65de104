/* A subset of vsnprintf for log lines; the supported conversions are listed in crspec.h. */
#include "crspec.h"

/* Output cursor: bytes beyond size - 1 are counted but not stored. */
struct output {
	char *buffer;
	size_t size;
	size_t length;
};

static void put_char(struct output *out, char c)
{
	if (out->length + 1 < out->size)
		out->buffer[out->length] = c;
	out->length++;
}

static void put_padded(struct output *out, const char *text, size_t text_length, unsigned width,
                       int left_align, char pad)
{
	size_t padding = width > text_length ? width - text_length : 0;

	/* A zero-padded negative number keeps its sign in front of the zeros. */
	if (pad == '0' && text_length > 0 && text[0] == '-') {
		put_char(out, '-');
		text++;
		text_length--;
	}
	if (!left_align)
		while (padding--)
			put_char(out, pad);
	for (size_t i = 0; i < text_length; i++)
		put_char(out, text[i]);
	if (left_align)
		while (padding--)
			put_char(out, ' ');
}

/* Writes value in base 10 or 16 into the end of digits[12] and returns the first digit. */
static char *format_unsigned(char digits[12], uint32_t value, unsigned base, int upper)
{
	const char *alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = digits + 11;

	*p = 0;
	do {
		*--p = alphabet[value % base];
		value /= base;
	} while (value);
	return p;
}

int vsnprintf(char *buffer, size_t size, const char *format, va_list arguments)
{
	struct output out = { buffer, size, 0 };

	for (const char *f = format; *f; f++) {
		const char *start = f;
		char digits[12];
		const char *text;
		int left_align = 0;
		char pad = ' ';
		unsigned width = 0;

		if (*f != '%') {
			put_char(&out, *f);
			continue;
		}

		/* flags, width, length */
		f++;
		if (*f == '-') {
			left_align = 1;
			f++;
		} else if (*f == '0') {
			pad = '0';
			f++;
		}
		while (*f >= '0' && *f <= '9')
			width = width * 10 + (unsigned)(*f++ - '0');
		if (*f == 'l')
			f++;

		switch (*f) {
		case 'd':
		case 'i': {
			int32_t value = va_arg(arguments, int32_t);
			uint32_t magnitude = value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
			char *p = format_unsigned(digits, magnitude, 10, 0);

			if (value < 0)
				*--p = '-';
			text = p;
			break;
		}
		case 'u':
			text = format_unsigned(digits, va_arg(arguments, uint32_t), 10, 0);
			break;
		case 'x':
		case 'X':
			text = format_unsigned(digits, va_arg(arguments, uint32_t), 16, *f == 'X');
			break;
		case 'p':
			put_char(&out, '0');
			put_char(&out, 'x');
			text = format_unsigned(digits, (uint32_t)(uintptr_t)va_arg(arguments, void *), 16, 0);
			break;
		case 'c':
			digits[0] = (char)va_arg(arguments, int);
			digits[1] = 0;
			text = digits;
			break;
		case 's':
			text = va_arg(arguments, const char *);
			if (!text)
				text = "(null)";
			break;
		case '%':
			text = "%";
			break;
		default:
			/* unsupported conversion: copy it verbatim */
			for (const char *p = start; p <= f && *p; p++)
				put_char(&out, *p);
			if (!*f)
				f--;
			continue;
		}
		put_padded(&out, text, strlen(text), width, left_align, pad);
	}

	if (size > 0)
		buffer[out.length < size ? out.length : size - 1] = 0;
	return (int)out.length;
}

int snprintf(char *buffer, size_t size, const char *format, ...)
{
	va_list arguments;
	int length;

	va_start(arguments, format);
	length = vsnprintf(buffer, size, format, arguments);
	va_end(arguments);
	return length;
}
