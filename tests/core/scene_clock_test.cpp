// The one clock: playback by elapsed time and speed, wrapping, stepping within the extent, frame arithmetic.
#include "core/frame_times.hpp"
#include "core/scene_clock.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

namespace {
constexpr UtcSeconds kStart = 1698710400;  // 2023-10-31T00:00Z
constexpr UtcSeconds kEnd = kStart + 8 * 86400;

SceneClock playingClock(UtcSeconds at, double speed) {
  SceneClock clock;
  clock.setExtent({kStart, kEnd});
  clock.setTime(at);
  clock.setSpeed(speed);
  clock.setPlaying(true);
  return clock;
}
}  // namespace

TEST(SceneClock, AdvancesByElapsedTimeTimesSpeedKeepingFractions) {
  SceneClock clock = playingClock(kStart, 3600);
  EXPECT_TRUE(clock.advance(0.5));
  EXPECT_EQ(*clock.time(), kStart + 1800);
  // Many small frames add up to the same as one long one: fractions of a clock second are carried.
  SceneClock small = playingClock(kStart, 64);
  for (int i = 0; i < 1024; ++i) small.advance(1.0 / 256);  // a quarter clock second a frame
  EXPECT_EQ(*small.time(), kStart + 256);
}

TEST(SceneClock, AStallCountsAsOneSecondAndAPausedClockStays) {
  SceneClock clock = playingClock(kStart, 3600);
  clock.advance(30);  // a file dialog held the frame for 30 s
  EXPECT_EQ(*clock.time(), kStart + 3600);
  clock.setPlaying(false);
  EXPECT_FALSE(clock.advance(1));
  EXPECT_EQ(*clock.time(), kStart + 3600);
  SceneClock none;
  none.setPlaying(true);
  EXPECT_FALSE(none.playing()) << "no time, nothing to play";
}

TEST(SceneClock, LoopingWrapsToTheStartAndOtherwiseStopsAtTheEnd) {
  SceneClock looping = playingClock(kEnd - 10, 60);
  looping.setLooping(true);
  EXPECT_TRUE(looping.advance(1));
  EXPECT_EQ(*looping.time(), kStart);
  EXPECT_TRUE(looping.playing());
  SceneClock once = playingClock(kEnd - 10, 60);
  once.advance(1);
  EXPECT_EQ(*once.time(), kEnd);
  EXPECT_FALSE(once.playing());
}

TEST(SceneClock, SpeedIsBounded) {
  SceneClock clock;
  clock.setSpeed(1);
  EXPECT_EQ(clock.speed(), SceneClock::kMinSpeed);
  clock.setSpeed(1e12);
  EXPECT_EQ(clock.speed(), SceneClock::kMaxSpeed);
}

TEST(SceneClock, StepsStayWithinTheExtent) {
  SceneClock clock;
  clock.setExtent({kStart, kEnd});
  clock.setTime(kStart + 86400);
  clock.step(86400);
  EXPECT_EQ(*clock.time(), kStart + 2 * 86400);
  clock.step(-10 * 86400);
  EXPECT_EQ(*clock.time(), kStart);
  clock.step(100 * 86400);
  EXPECT_EQ(*clock.time(), kEnd);
}

TEST(SceneClock, FramesCountBothEndsAndLandOnTheirTimes) {
  const FrameSequence frames{kStart, kStart + 86400, 6 * 3600};
  EXPECT_EQ(frames.frameCount(), 5);
  EXPECT_EQ(frames.timeOfFrame(0), kStart);
  EXPECT_EQ(frames.timeOfFrame(4), kStart + 86400);
  EXPECT_EQ((FrameSequence{kStart, kStart + 86400 - 1, 6 * 3600}.frameCount()), 4);
  EXPECT_EQ((FrameSequence{kStart, kStart - 1, 60}.frameCount()), 0);
  TimeExtent extent;
  EXPECT_TRUE(extent.empty());
  extent.widen(kEnd);
  extent.widen(kStart);
  EXPECT_EQ(extent, (TimeExtent{kStart, kEnd}));
}

TEST(FrameTimes, TheReadoutIsTheMedianAndWorstOfTheLastFrames) {
  FrameTimes times(5);
  EXPECT_EQ(times.summary(), "");
  for (double ms : {10.0, 30.0, 12.0}) times.add(ms);
  EXPECT_DOUBLE_EQ(times.median(), 12);
  EXPECT_DOUBLE_EQ(times.worst(), 30);
  for (double ms : {11.0, 13.0, 14.0, 15.0, 16.0}) times.add(ms);  // the 10, 30 and 12 ms frames drop out
  EXPECT_EQ(times.size(), 5u);
  EXPECT_DOUBLE_EQ(times.median(), 14);
  EXPECT_DOUBLE_EQ(times.worst(), 16);
  EXPECT_EQ(times.summary(), "frame 14.0 ms (median of the last 5), worst 16.0 ms");
}
