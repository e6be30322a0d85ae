#include "photo.h"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

// libjpeg's header needs size_t and FILE declared first.
#include <jpeglib.h>
#include <png.h>

namespace doudi::intake {
namespace {

// libjpeg reports a fatal error by calling error_exit, which must not
// return: it jumps back to ReencodeJpeg, whose C++ objects all live from
// before the jump point (so none is skipped). Warnings (corrupt data that
// libjpeg would paper over with grey) are counted and refuse the photo.
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

[[noreturn]] void JpegErrorExit(j_common_ptr info) {
  auto* error = reinterpret_cast<JpegError*>(info->err);
  std::longjmp(error->jump, 1);
}

void JpegCountWarning(j_common_ptr info, int level) {
  if (level < 0) ++info->err->num_warnings;
}

// The longest edge a stored photo may have even after the largest scaling
// (1/8): a panorama beyond it is refused (doudi.intake_photo's CHECK).
constexpr unsigned kMaxEdge = 10000;

bool StartsWith(const std::string& bytes, const char* magic, std::size_t length) {
  return bytes.size() >= length && std::memcmp(bytes.data(), magic, length) == 0;
}

// The scale (1, 2, 4 or 8) that brings the longer edge to at most longEdge.
unsigned ScaleDenominator(unsigned width, unsigned height, int longEdge) {
  const unsigned longer = width > height ? width : height;
  unsigned denominator = 1;
  while (denominator < 8 && longer / denominator > static_cast<unsigned>(longEdge)) denominator *= 2;
  return denominator;
}

// Everything ReencodeJpeg changes after its jump point lives here, on the
// heap behind a pointer set before it, so nothing it reads after a jump
// was held in a register.
struct JpegWork {
  std::vector<unsigned char> pixels;
  unsigned char* encoded = nullptr;
  unsigned long encodedSize = 0;
  JpegError error{};
  jpeg_decompress_struct in{};
  jpeg_compress_struct out{};
  bool inCreated = false;
  bool outCreated = false;
  ~JpegWork() {
    if (inCreated) jpeg_destroy_decompress(&in);
    if (outCreated) jpeg_destroy_compress(&out);
    std::free(encoded);
  }
};

bool ReencodeJpeg(const std::string& bytes, std::size_t maxPixels, int longEdge, Photo& result) {
  const auto work = std::make_unique<JpegWork>();
  JpegWork* const w = work.get();
  w->in.err = jpeg_std_error(&w->error.manager);
  w->error.manager.error_exit = JpegErrorExit;
  w->error.manager.emit_message = JpegCountWarning;
  w->error.manager.output_message = [](j_common_ptr) {};
  if (setjmp(w->error.jump) != 0) return false;
  jpeg_decompress_struct& in = w->in;
  jpeg_create_decompress(&in);
  w->inCreated = true;
  jpeg_mem_src(&in, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  if (jpeg_read_header(&in, TRUE) != JPEG_HEADER_OK) JpegErrorExit(reinterpret_cast<j_common_ptr>(&in));
  if (in.image_width == 0 || in.image_height == 0 ||
      static_cast<std::size_t>(in.image_width) * in.image_height > maxPixels) {
    JpegErrorExit(reinterpret_cast<j_common_ptr>(&in));
  }
  in.out_color_space = JCS_RGB;
  in.scale_num = 1;
  in.scale_denom = ScaleDenominator(in.image_width, in.image_height, longEdge);
  jpeg_calc_output_dimensions(&in);
  if (in.output_width > kMaxEdge || in.output_height > kMaxEdge) JpegErrorExit(reinterpret_cast<j_common_ptr>(&in));
  jpeg_start_decompress(&in);
  const std::size_t stride = static_cast<std::size_t>(in.output_width) * 3u;
  w->pixels.resize(stride * in.output_height);
  while (in.output_scanline < in.output_height) {
    JSAMPROW row = w->pixels.data() + stride * in.output_scanline;
    jpeg_read_scanlines(&in, &row, 1);
  }
  jpeg_finish_decompress(&in);
  if (in.err->num_warnings > 0) JpegErrorExit(reinterpret_cast<j_common_ptr>(&in));

  jpeg_compress_struct& out = w->out;
  out.err = &w->error.manager;
  jpeg_create_compress(&out);
  w->outCreated = true;
  jpeg_mem_dest(&out, &w->encoded, &w->encodedSize);
  out.image_width = in.output_width;
  out.image_height = in.output_height;
  out.input_components = 3;
  out.in_color_space = JCS_RGB;
  jpeg_set_defaults(&out);
  jpeg_set_quality(&out, 85, TRUE);
  // No marker of the original is copied: no EXIF (camera, time, GPS), no comment.
  jpeg_start_compress(&out, TRUE);
  while (out.next_scanline < out.image_height) {
    JSAMPROW row = w->pixels.data() + stride * out.next_scanline;
    jpeg_write_scanlines(&out, &row, 1);
  }
  jpeg_finish_compress(&out);
  result.mediaType = "image/jpeg";
  result.content.assign(w->encoded, w->encoded + w->encodedSize);
  result.width = static_cast<int>(out.image_width);
  result.height = static_cast<int>(out.image_height);
  return true;
}

bool ReencodePng(const std::string& bytes, std::size_t maxPixels, int longEdge, Photo& out) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) return false;
  if (image.width == 0 || image.height == 0 || static_cast<std::size_t>(image.width) * image.height > maxPixels) {
    png_image_free(&image);
    return false;
  }
  image.format = PNG_FORMAT_RGBA;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) return false;
  // A picture larger than the limit is shrunk by a whole factor, each
  // output pixel the mean of its block.
  const unsigned factor = ScaleDenominator(image.width, image.height, longEdge);
  if (factor > 1) {
    const unsigned w = image.width / factor, h = image.height / factor;
    std::vector<unsigned char> small(static_cast<std::size_t>(w) * h * 4u);
    for (unsigned y = 0; y < h; ++y) {
      for (unsigned x = 0; x < w; ++x) {
        for (unsigned c = 0; c < 4; ++c) {
          unsigned sum = 0;
          for (unsigned dy = 0; dy < factor; ++dy) {
            for (unsigned dx = 0; dx < factor; ++dx) {
              sum += pixels[((static_cast<std::size_t>(y) * factor + dy) * image.width + x * factor + dx) * 4u + c];
            }
          }
          small[(static_cast<std::size_t>(y) * w + x) * 4u + c] = static_cast<unsigned char>(sum / (factor * factor));
        }
      }
    }
    pixels.swap(small);
    image.width = w;
    image.height = h;
  }
  if (image.width > kMaxEdge || image.height > kMaxEdge) return false;
  png_alloc_size_t size = 0;
  if (png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr) == 0) return false;
  out.content.resize(size);
  if (png_image_write_to_memory(&image, out.content.data(), &size, 0, pixels.data(), 0, nullptr) == 0) return false;
  out.content.resize(size);
  out.mediaType = "image/png";
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  return true;
}

}  // namespace

std::optional<Photo> ReencodePhoto(const std::string& bytes, std::size_t maxPixels, int longEdge) {
  Photo photo;
  // The type is told by the content, never by a name or a declared type.
  if (StartsWith(bytes, "\xFF\xD8\xFF", 3)) {
    if (ReencodeJpeg(bytes, maxPixels, longEdge, photo)) return photo;
  } else if (StartsWith(bytes, "\x89PNG\r\n\x1A\n", 8)) {
    if (ReencodePng(bytes, maxPixels, longEdge, photo)) return photo;
  }
  return std::nullopt;
}

}  // namespace doudi::intake
