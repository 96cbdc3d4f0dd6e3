// Tasks on detached threads that share their state with the system: the system may forget a task (cancel) while
// its thread still runs, and the thread ends whenever its work returns.
#include "app/task_system.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace sitmap {

void TaskSystem::start(const std::shared_ptr<Task>& task) {
  m_tasks.push_back(task);
  std::thread([task] {
    std::function<void()> continuation = task->body();
    std::lock_guard lock(task->mutex);
    task->continuation = std::move(continuation);
    task->body = nullptr;  // releases what the work captured, on the worker
    task->done.store(true);
  }).detach();
}

bool TaskSystem::poll(const std::function<void(const std::string&)>& onError) {
  std::vector<std::shared_ptr<Task>> finished;
  for (auto it = m_tasks.begin(); it != m_tasks.end();) {
    if ((*it)->done.load()) {
      finished.push_back(*it);
      it = m_tasks.erase(it);
    } else {
      ++it;
    }
  }
  // Continuations may start new tasks: they run after the list is settled.
  for (const auto& task : finished) {
    std::function<void()> continuation;
    {
      std::lock_guard lock(task->mutex);
      continuation = std::move(task->continuation);
    }
    try {
      if (continuation) continuation();
    } catch (const std::exception& e) {
      if (onError) onError(task->name + ": " + e.what());
    }
  }
  return !finished.empty();
}

void TaskSystem::cancel(TaskId id) {
  auto it = std::find_if(m_tasks.begin(), m_tasks.end(), [&](const auto& t) { return t->id == id; });
  if (it == m_tasks.end()) return;
  (*it)->context.m_cancelled.store(true);
  m_tasks.erase(it);
}

void TaskSystem::cancelAll() {
  for (const auto& task : m_tasks) task->context.m_cancelled.store(true);
  m_tasks.clear();
}

bool TaskSystem::running(TaskId id) const {
  return std::any_of(m_tasks.begin(), m_tasks.end(), [&](const auto& t) { return t->id == id; });
}

float TaskSystem::progress(TaskId id) const {
  for (const auto& task : m_tasks)
    if (task->id == id) return task->context.m_progress.load();
  return -1;
}

bool TaskSystem::idle() const { return m_tasks.empty(); }

TaskSystem::~TaskSystem() {
  std::vector<std::shared_ptr<Task>> running = m_tasks;
  cancelAll();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kExitWaitSeconds);
  for (const auto& task : running)
    while (!task->done.load() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace sitmap
